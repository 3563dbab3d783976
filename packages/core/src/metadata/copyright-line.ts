/**
 * A copyright notice ("© 2019 Acme", "Copyright 2005-2017, …", "(c) 2024", "All rights reserved", in the
 * languages whose dates are read): the year or day it gives is the site's or the notice's, never the
 * article's, wherever the notice stands (a page footer, a post's foot, a byline block).
 */
const COPYRIGHT =
  /©|&copy;|\(c\)\s*(?:19|20)\d{2}|\bcopyright\b|all rights reserved|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden/iu;

/** Whether a line of text is (or holds) a copyright notice. */
export const isCopyrightLine = (text: string): boolean => COPYRIGHT.test(text);
