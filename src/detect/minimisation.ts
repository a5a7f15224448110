import type { Analysis, Cue } from '../analyse/index.js';
import type { Clue } from '../types.js';
import { quote } from './conflict.js';
import { createClue, defineDetector } from './detector.js';
import { childFor, groupBy, quoteList } from './people.js';
import { clauseBefore, isNegative, reportedFromProfessional, withoutOverlaps } from '../analyse/speech.js';

const TYPES = new Set(['minimiser', 'servicesOut']);

/** Words that play down a person or harm, one clue per interviewee turn. */
export const minimisation = defineDetector({
  meta: {
    id: 'minimisation',
    kind: 'minimisation',
    severity: 'info',
    description:
      'Words in an interviewee turn that play down a person or a harm ("just a friend", "only once", "it was nothing", ' +
      '"just a little tap", "he bruises easily", "kids get bumps", "he wouldn\'t hurt him") or want services gone ' +
      '("out of our lives", "off my back"). One clue per turn, at the first such words. Not for "to be honest" or ' +
      '"honestly" on their own, for the words negated ("he\'s not just a friend"), or for a professional\'s words reported ' +
      '("the GP said it was nothing to worry about").',
    messages: {
      playsDown: 'plays down a person or harm: {playsDown}; words that make a person or a harm sound smaller than it is are worth testing',
      servicesOut: 'wants services gone: {servicesOut}; wanting services gone can keep a risk out of view and is worth exploring',
      both:
        'plays down a person or harm: {playsDown}; wants services gone: {servicesOut}; ' +
        'words that make a person or a harm sound smaller than it is are worth testing',
    },
    examples: {
      fires: [
        "SW: Tell me about Steven.\nTRACEY: He's just a friend. He only stayed the once.",
        'SW: Is there anything you want from us?\nTRACEY: To be honest, I just want social services out of our lives.',
        "SW: Nursery saw a bruise on his leg.\nMUM: It was nothing, kids get bumps. He bruises easily.",
      ],
      quiet: [
        "SW: How have things been?\nMUM: Better, honestly. To be honest, it's been a good month.",
        "SW: Who is Dean?\nMUM: He's not just a friend, he's my partner now.",
        "HV: What did the GP say about the rash?\nMUM: The GP said it was nothing to worry about and gave us some cream.",
      ],
    },
  },
  detect(analysis: Analysis): Clue[] {
    const found = analysis.cues.filter((c) => TYPES.has(c.type) && playsDown(analysis, c));
    const clues: Clue[] = [];
    for (const turn of groupBy(found, (c) => analysis.sentences[c.sentence]!.utterance.index).values()) {
      const shown = withoutOverlaps(turn);
      const first = shown[0]!;
      const down = shown.filter((c) => c.type === 'minimiser').map((c) => c.text);
      const out = shown.filter((c) => c.type === 'servicesOut').map((c) => c.text);
      clues.push(
        createClue(analysis, {
          meta: minimisation.meta,
          who: whoIsPlayedDown(analysis, first),
          messageId: down.length === 0 ? 'servicesOut' : out.length === 0 ? 'playsDown' : 'both',
          data: { ...(down.length > 0 ? { playsDown: quoteList(down) } : {}), ...(out.length > 0 ? { servicesOut: quoteList(out) } : {}) },
          quotes: shown.map(quote),
        }),
      );
    }
    return clues;
  },
});

// "Only once." on its own answers "how often?"; "it was only once" plays it down.
const BARE_COUNT = /^(only|just) (the )?once$/i;

function playsDown(analysis: Analysis, cue: Cue): boolean {
  const sentence = analysis.sentences[cue.sentence]!;
  if (sentence.role !== 'interviewee' || sentence.question) return false;
  if (BARE_COUNT.test(cue.text) && sentence.text.replace(/[.!,]+$/, '').toLowerCase() === cue.text.toLowerCase()) return false;
  // "He's not just a friend": the words are denied, not used.
  const { tokens } = clauseBefore(sentence, cue.start);
  if (tokens.slice(-2).some(isNegative)) return false;
  return !reportedFromProfessional(analysis, sentence, cue.start);
}

// Who the words are about: the adult played down ("he's just a friend"), social services when they are wanted gone,
// else the child whose harm is played down.
function whoIsPlayedDown(analysis: Analysis, cue: Cue): string {
  if (cue.type === 'servicesOut') return 'social services';
  const person = cue.personId === undefined ? undefined : analysis.roster.people[cue.personId];
  if (person && person.personClass !== 'child' && person.personClass !== 'professional') return person.name;
  return childFor(analysis, cue.sentence, cue.start);
}
