// Countries by ISO 3166-1 alpha-2 code, with the names, aliases and demonyms the text may use. Names come
// from Intl.DisplayNames (in every modern runtime), so no list of ~250 names is shipped by hand.

export interface Country {
  code: string;
  name: string;
}

// Codes Intl names that are not countries (EU, UN, eurozone, pseudo-regions).
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB', 'AC', 'CP', 'DG', 'EA', 'IC', 'TA']);

// Names and forms news text uses that Intl does not give.
const EXTRA_NAMES: Record<string, string> = {
  US: 'US|U.S.|USA|U.S.A.|America|United States of America',
  GB: 'UK|U.K.|Britain|Great Britain|United Kingdom',
  NE: 'Niger Republic|Republic of Niger',
  CI: 'Ivory Coast|Cote d’Ivoire|Cote d’Ivoire',
  CD: 'DR Congo|DRC|Democratic Republic of Congo|Democratic Republic of the Congo',
  CG: 'Congo-Brazzaville|Republic of Congo',
  KR: 'South Korea|Republic of Korea',
  KP: 'North Korea',
  RU: 'Russian Federation',
  NL: 'Holland|The Netherlands',
  MM: 'Burma',
  CZ: 'Czech Republic',
  AE: 'UAE|Emirates',
  TR: 'Turkey|Turkiye',
  VA: 'Vatican|Holy See',
  PS: 'Palestine',
  TW: 'Taiwan',
  MK: 'Macedonia',
  SZ: 'Swaziland',
  CV: 'Cape Verde',
  TL: 'East Timor',
  BA: 'Bosnia',
  VN: 'Viet Nam',
  IR: 'Persia',
};

// Shorter names for codes Intl names awkwardly ("Congo - Kinshasa").
const RENAMED: Record<string, string> = {
  CD: 'DR Congo',
  CG: 'Republic of the Congo',
  HK: 'Hong Kong',
  MO: 'Macau',
  PS: 'Palestine',
  TR: 'Turkey',
};

// Adjectives and demonyms ("French troops"): they point at the country, as demonyms, not as place names.
const DEMONYMS: Record<string, string> = {
  FR: 'French|Frenchman|Frenchmen',
  NE: 'Nigerien|Nigeriens',
  NG: 'Nigerian|Nigerians',
  ML: 'Malian|Malians',
  BF: 'Burkinabe|Burkinabè',
  GN: 'Guinean|Guineans',
  US: 'American|Americans',
  GB: 'British|Briton|Britons|English|Scottish|Welsh',
  DE: 'German|Germans',
  IT: 'Italian|Italians',
  ES: 'Spanish|Spaniard|Spaniards',
  PT: 'Portuguese',
  RU: 'Russian|Russians',
  UA: 'Ukrainian|Ukrainians',
  CN: 'Chinese',
  JP: 'Japanese',
  KR: 'South Korean|South Koreans',
  KP: 'North Korean|North Koreans',
  IN: 'Indian|Indians',
  PK: 'Pakistani|Pakistanis',
  AF: 'Afghan|Afghans',
  IR: 'Iranian|Iranians',
  IQ: 'Iraqi|Iraqis',
  SY: 'Syrian|Syrians',
  IL: 'Israeli|Israelis',
  PS: 'Palestinian|Palestinians',
  EG: 'Egyptian|Egyptians',
  LY: 'Libyan|Libyans',
  DZ: 'Algerian|Algerians',
  MA: 'Moroccan|Moroccans',
  TN: 'Tunisian|Tunisians',
  SD: 'Sudanese',
  ET: 'Ethiopian|Ethiopians',
  KE: 'Kenyan|Kenyans',
  ZA: 'South African|South Africans',
  GH: 'Ghanaian|Ghanaians',
  SN: 'Senegalese',
  TD: 'Chadian|Chadians',
  CM: 'Cameroonian|Cameroonians',
  CA: 'Canadian|Canadians',
  MX: 'Mexican|Mexicans',
  BR: 'Brazilian|Brazilians',
  AR: 'Argentine|Argentinian|Argentinians',
  AU: 'Australian|Australians',
  NZ: 'New Zealander|New Zealanders',
  IE: 'Irish',
  NL: 'Dutch',
  BE: 'Belgian|Belgians',
  CH: 'Swiss',
  AT: 'Austrian|Austrians',
  SE: 'Swedish|Swede|Swedes',
  NO: 'Norwegian|Norwegians',
  DK: 'Danish|Dane|Danes',
  FI: 'Finnish|Finn|Finns',
  PL: 'Polish|Pole|Poles',
  GR: 'Greek|Greeks',
  TR: 'Turkish|Turk|Turks',
  SA: 'Saudi|Saudis',
  VN: 'Vietnamese',
  TH: 'Thai',
  ID: 'Indonesian|Indonesians',
  PH: 'Filipino|Filipinos|Philippine',
  KZ: 'Kazakh',
  HU: 'Hungarian|Hungarians',
  RO: 'Romanian|Romanians',
  CZ: 'Czech|Czechs',
  RS: 'Serbian|Serb|Serbs',
  HR: 'Croatian|Croat|Croats',
  BA: 'Bosnian|Bosnians',
  CU: 'Cuban|Cubans',
  VE: 'Venezuelan|Venezuelans',
  CO: 'Colombian|Colombians',
  CL: 'Chilean|Chileans',
  PE: 'Peruvian|Peruvians',
  LB: 'Lebanese',
  JO: 'Jordanian|Jordanians',
  YE: 'Yemeni|Yemenis',
  SO: 'Somali|Somalis',
  RW: 'Rwandan|Rwandans',
  UG: 'Ugandan|Ugandans',
  ZW: 'Zimbabwean|Zimbabweans',
};

let cache:
  | { byName: Map<string, Country>; byDemonym: Map<string, Country>; byCode: Map<string, Country> }
  | undefined;

function tables() {
  if (cache) return cache;
  const byName = new Map<string, Country>();
  const byDemonym = new Map<string, Country>();
  const byCode = new Map<string, Country>();
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  } catch {
    names = undefined;
  }
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      const name = names?.of(code);
      if (!name || name === code) continue;
      // "Myanmar (Burma)" -> "Myanmar"; "Congo - Kinshasa" -> kept but also reachable through aliases.
      const paren = name.indexOf(' (');
      const clean = RENAMED[code] ?? (paren > 0 && name.endsWith(')') ? name.slice(0, paren) : name);
      // Withdrawn codes (FX, SU, HV...) come after the current ones and never take a name over.
      if (byName.has(clean.toLowerCase())) continue;
      const country = { code, name: clean };
      byCode.set(code, country);
      byName.set(clean.toLowerCase(), country);
    }
  for (const [code, list] of Object.entries(EXTRA_NAMES)) {
    const country = byCode.get(code) ?? { code, name: list.split('|')[0]! };
    byCode.set(code, country);
    for (const n of list.split('|')) byName.set(n.toLowerCase(), country);
  }
  for (const [code, list] of Object.entries(DEMONYMS)) {
    const country = byCode.get(code);
    if (country) for (const n of list.split('|')) byDemonym.set(n.toLowerCase(), country);
  }
  cache = { byName, byDemonym, byCode };
  return cache;
}

/** The country a name denotes ("Niger Republic" -> Niger, NE), if any. */
export function countryByName(name: string): Country | undefined {
  return (
    tables().byName.get(
      name
        .replace(/^the\s+/i, '')
        .replace(/'/g, '’')
        .toLowerCase(),
    ) ?? tables().byName.get(name.replace(/^the\s+/i, '').toLowerCase())
  );
}

/** The country an adjective or demonym refers to ("French" -> France), if any. */
export function countryByDemonym(word: string): Country | undefined {
  return tables().byDemonym.get(word.toLowerCase());
}

export function countryByCode(code: string): Country | undefined {
  return tables().byCode.get(code.toUpperCase());
}

/** The longest number of words a country name has, for matching. */
export const MAX_COUNTRY_WORDS = 6;
