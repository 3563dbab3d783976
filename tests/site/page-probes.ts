import type { Page } from 'playwright-core';

// Measurements taken inside Chromium on a rendered page. Each probe is one self-contained function
// (page.evaluate serialises it), so its helpers live inside it.

export interface ContrastFinding {
  text: string;
  ratio: number;
  color: string;
  background: string;
}

/**
 * WCAG contrast of every visible text run against the background it is drawn on (its own, or the nearest
 * ancestor's that is not transparent). Colours are read through a canvas, so any CSS colour syntax counts.
 */
export function textContrasts(page: Page): Promise<ContrastFinding[]> {
  return page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    const rgba = (css: string): [number, number, number, number] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = '#000';
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
      return [r!, g!, b!, a! / 255];
    };
    const over = (top: number[], under: number[]) =>
      top.slice(0, 3).map((c, i) => c * top[3]! + under[i]! * (1 - top[3]!));
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const backgroundOf = (el: Element | null): number[] => {
      const layers: Array<[number, number, number, number]> = [];
      for (let e = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] === 1) break;
      }
      let base = [255, 255, 255];
      for (const layer of layers.reverse()) base = over(layer, base);
      return base;
    };
    const out: Array<{ text: string; ratio: number; color: string; background: string }> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = (n.textContent ?? '').trim();
      if (!el || !text || el.closest('script, style, svg, .visually-hidden')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.right < 0 || box.bottom < 0) continue;
      const bg = backgroundOf(el);
      const fg = over(rgba(getComputedStyle(el).color), bg);
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      out.push({
        text: text.slice(0, 40),
        ratio: (hi! + 0.05) / (lo! + 0.05),
        color: getComputedStyle(el).color,
        background: `rgb(${bg.map(Math.round).join(', ')})`,
      });
    }
    return out;
  });
}

/**
 * How many characters of its own text fit on one line of each matching element: its width over the mean
 * width of its characters as laid out (the text's line boxes, summed, over its length).
 */
export function charactersPerLine(page: Page, selector: string, minChars: number): Promise<number[]> {
  return page.evaluate(
    ([sel, min]) =>
      [...document.querySelectorAll(sel)].flatMap((el) => {
        const text = el.textContent ?? '';
        if (text.length < min) return [];
        // Text nodes one by one: a range over the element would also count its inline children's boxes.
        let laidOut = 0;
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(n);
          for (const r of range.getClientRects()) laidOut += r.width;
        }
        const width = el.getBoundingClientRect().width;
        return laidOut > 0 ? [Math.round(width / (laidOut / text.length))] : [];
      }),
    [selector, minChars] as const,
  );
}

/** The font size, in px, of every visible element of the page that holds text of its own. */
export function textSizes(page: Page): Promise<Array<{ tag: string; size: number }>> {
  return page.evaluate(() => {
    const out: Array<{ tag: string; size: number }> = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('svg, script, style, .visually-hidden')) continue;
      const own = [...el.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent?.trim());
      const box = el.getBoundingClientRect();
      if (!own || box.width === 0 || box.bottom < 0) continue;
      out.push({
        tag: `${el.tagName.toLowerCase()}.${el.className}`,
        size: Number.parseFloat(getComputedStyle(el).fontSize),
      });
    }
    return out;
  });
}
