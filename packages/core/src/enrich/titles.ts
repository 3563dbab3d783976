import { ENGLISH_MONTHS } from '../metadata/month-names';
// Words that come before a name but are not part of it ("President Emmanuel Macron" is Emmanuel Macron).
export const PERSON_TITLES = new Set(
  'mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady president vice-president prime minister chancellor king queen prince princess pope sheikh general gen. colonel col. captain capt. major lieutenant sergeant admiral commander senator sen. governor gov. mayor judge justice ambassador secretary chairman chairwoman chief coach manager rev. reverend father bishop archbishop cardinal imam rabbi professor doctor minister premier emir sultan leader spokesman spokeswoman striker midfielder defender goalkeeper captain star singer actor actress director'.split(
    ' ',
  ),
);

/** Words that make a capitalised run an organisation. */
export const ORG_WORDS = new Set(
  'inc inc. corp corp. ltd ltd. plc llc co co. company corporation group bank party ministry council union association committee agency organisation organization university college institute commission court parliament assembly army navy police federation league club fund foundation authority office department service services airlines airways bureau board society trust network news times post journal press television tv radio fc united city rovers government senate congress house'.split(
    ' ',
  ),
);

/** Words that make a capitalised run a place. */
export const PLACE_WORDS = new Set(
  'street road avenue square river lake mountain mountains mount island islands sea ocean gulf bay desert valley region province state county city town village district coast peninsula canal airport'.split(
    ' ',
  ),
);

/** Month names, January first (one list, kept with the other languages' names). */
export const MONTHS = ENGLISH_MONTHS;
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Capitalised words that start sentences but are not names. */
export const SENTENCE_WORDS = new Set(
  'a an the this that these those it its he she they we i you his her their our my your but and or so yet if when while after before as in on at by for from with without of to into over under about between during since until because although though however meanwhile also then there here what which who whom whose where why how all some many most more no not one two three every each other another such both either neither last next first new mr according despite among among government officials police'.split(
    ' ',
  ),
);
