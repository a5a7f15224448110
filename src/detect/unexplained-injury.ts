import type { Analysis, Injury, Span } from '../analyse/index.js';
import type { Clue } from '../types.js';
import { changedAccount } from './accounts.js';
import { overlaps, quote } from './conflict.js';
import { createClue, defineDetector, type MessageData } from './detector.js';
import { injuredChild, quoteList } from './people.js';
import { withoutOverlaps } from '../analyse/speech.js';

/** Injuries explained vaguely, minimised, not at all, or differently, one clue per injury. */
export const unexplainedInjury = defineDetector({
  meta: {
    id: 'unexplained-injury',
    kind: 'unexplained-injury',
    severity: 'warning',
    description:
      'An injury the interviewee talks about (bruise, mark, burn, cut, fracture, black eye, swelling, bite, scald) whose ' +
      'explanation is vague or minimising ("he bruises easily", "he must have fallen", "I don\'t know how", "kids get bumps") ' +
      'or missing altogether. One clue per injury, at the interviewee\'s first line about it (her first answer when the ' +
      'interviewer raised it). An error when her account of how it happened changes between two of her turns ' +
      '("he fell off the sofa" then "he banged it on the cot"). Quiet for a plain, specific account that does not change.',
    messages: {
      changed:
        '{injury}: the account of how it happened changes, "{earlier}" then "{later}"; an injury explained differently each time needs a clear account',
      changedAndVague:
        '{injury}: the account of how it happened changes, "{earlier}" then "{later}", and it is put down to {vague}; ' +
        'an injury explained differently each time needs a clear account',
      vague: '{injury}: explained only vaguely or played down, {vague}; an injury without a clear account of how it happened needs one',
      unexplained: '{injury}: no account of how it happened is given; an injury without an explanation needs one',
    },
    examples: {
      fires: [
        "SW: How did Riley get the bruise on his cheek?\nMUM: I don't know how. He bruises easily.",
        'SW: How did Riley get the bruise on his cheek?\nMUM: He fell off the sofa.\nSW: The nursery said he told them something different.\nMUM: Oh, no. He banged it on the cot.',
        "HV: What's that mark on her arm?\nMUM: Kids get bumps, don't they. It was nothing.",
      ],
      quiet: [
        'SW: Has he had any injuries?\nMUM: He fell off the climbing frame at nursery and grazed his knee. They rang me and filled in an accident form.',
        'HV: Any bruises or marks?\nMUM: No, nothing like that.',
        'SW: How did he get the bruise on his leg?\nMUM: He fell off his scooter outside the flat on Sunday.\nSW: Okay.\nMUM: Yeah, off the scooter. He was going too fast.',
      ],
    },
  },
  detect(analysis: Analysis): Clue[] {
    return analysis.injuries.flatMap((injury) => {
      const clue = judge(analysis, injury);
      return clue ? [clue] : [];
    });
  },
});

// A changed account outweighs vague words, and vague words outweigh a missing account; a plain one is no clue.
function judge(analysis: Analysis, injury: Injury): Clue | undefined {
  const { first } = injury;
  const own = injury.accounts;
  const changed = changedAccount(analysis, own);
  const specific = own.filter((a) => a.primary.size > 0);
  // Vague: the lexicon's words, a hedged account ("I think he fell off the bed"), or a bare one ("he fell over")
  // when nothing more specific is ever said.
  const weak = [
    ...injury.vague,
    ...own.filter((a) => a.hedged),
    ...(specific.length === 0 && !injury.explained ? own.filter((a) => a.primary.size === 0) : []),
  ];
  const vague = withoutOverlaps(weak);
  const what = injury.raisedBy ? `${injury.label} (raised by the interviewer)` : injury.label;
  let messageId: string;
  let data: MessageData;
  let severity: Clue['severity'] = 'warning';
  let quotes: Span[];
  if (changed) {
    severity = 'error';
    const [before, after] = changed;
    const also = vague.filter((v) => ![before, after].some((a) => a.sentence === v.sentence && overlaps(a, v)));
    messageId = also.length > 0 ? 'changedAndVague' : 'changed';
    data = { injury: what, earlier: before.text, later: after.text, ...(also.length > 0 ? { vague: quoteList(also.map((v) => v.text)) } : {}) };
    quotes = [first, before, after, ...also];
  } else if (vague.length > 0) {
    messageId = 'vague';
    data = { injury: what, vague: quoteList(vague.map((v) => v.text)) };
    quotes = [first, ...vague];
  } else if (specific.length === 0 && !injury.explained) {
    messageId = 'unexplained';
    data = { injury: what };
    quotes = [first];
  } else {
    return undefined;
  }
  const shown = withoutOverlaps(quotes);
  // The clue sits on her first line about the injury, whatever order the evidence is in.
  const at = shown.findIndex((q) => q.sentence === first.sentence && q.start <= first.start && first.start < q.end);
  return createClue(analysis, {
    meta: unexplainedInjury.meta,
    severity,
    who: injuredChild(analysis, injury),
    messageId,
    data,
    quotes: shown.map(quote),
    at: Math.max(0, at),
  });
}
