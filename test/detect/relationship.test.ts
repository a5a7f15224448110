import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { relationship } from '../../src/detect/relationship.js';
import { analyseLines } from '../transcript.js';

const detect = (lines: string[]) => relationship.detect(analyseLines(lines)).map((c) => `${c.line} ${c.severity} ${c.who}: ${c.message}`);

describe('relationship', () => {
  const fires: Array<{ name: string; lines: string[]; expected: string[] }> = [
    {
      name: 'a denial and romantic detail about the same man',
      lines: [
        'SW: Who is Steven?',
        "TRACEY: He's just a friend. We're not in a relationship.",
        'SW: What is he like?',
        "TRACEY: He's every girl's dream, to be honest.",
      ],
      expected: [
        '2 warning Steven: relationship denied: "just a friend", "not in a relationship"',
        '4 info Steven: romantic relationship implied: "every girl\'s dream"',
      ],
    },
    {
      name: 'a stated boyfriend',
      lines: ['SW: Who lives with you?', "GEMMA: Me and Lily, and my boyfriend Ashley's round most nights."],
      expected: ['2 info Ashley: stated: "my boyfriend"'],
    },
    {
      name: 'a lodger and his brother',
      lines: ['SW: Who lives there?', "DAD: Gary, he's the lodger. His brother Jason stays in the box room."],
      expected: ['2 info Gary: stated: "the lodger"', '2 info Jason: stated: "Gary\'s brother"'],
    },
    {
      name: 'a denial phrased as "not my fella"',
      lines: ['SW: Who is Kieran to you?', "KIRSTY: He's not my fella, if that's what you're asking. There's nothing going on between us."],
      expected: ['2 warning Kieran: relationship denied: "not my fella", "nothing going on"'],
    },
    {
      name: 'her own husband, unnamed, beside a generic couple',
      lines: ['SW: Who is at home?', 'MUM: The kids and my husband. Same as any husband and wife, really.'],
      expected: ['2 info my husband: stated: "my husband"'],
    },
    {
      name: 'a particular mate',
      lines: ['Q: Who is he?', "A: Dave? He's a mate of mine from work."],
      expected: ['2 info Dave: stated: "a mate of mine"'],
    },
  ];
  for (const c of fires) {
    it(`fires: ${c.name}`, () => assert.deepEqual(detect(c.lines), c.expected));
  }

  const quiet: Array<{ name: string; lines: string[] }> = [
    {
      name: "the speaker's and the child's own relatives",
      lines: ['HV: Who helps?', 'MUM: My mum, my sister Kelly, and his dad has him on Saturdays. His nan takes him to the park.'],
    },
    {
      name: 'professionals',
      lines: ['SW: Who have you seen?', 'MUM: Dr Patel, the GP, and Sarah, the social worker. The health visitor came round.'],
    },
    {
      name: 'not together with the child\'s dad',
      lines: ["SW: How are things with the girls' dad?", "MUM: Fine. We're not together, obviously, but we get on for their sake."],
    },
    {
      name: "Valentine's cards from the kids",
      lines: ['SW: Did you do anything nice this month?', "MUM: The kids made me a Valentine's card at nursery. They kissed me goodnight."],
    },
    {
      name: 'a husband and wife as a kind of couple',
      lines: ['SW: What are the rules at the hostel?', 'MUM: Even for a husband and wife living together, you have to sign in.'],
    },
    {
      name: "an unnamed someone's wife",
      lines: ['SW: Why did it fall through?', "MUM: He said he'd been overruled by someone higher up's wife."],
    },
    {
      name: 'a friend mentioned in passing',
      lines: ['SW: How did you hear about the group?', 'MUM: A friend told me about it.'],
    },
  ];
  for (const c of quiet) {
    it(`stays quiet: ${c.name}`, () => assert.deepEqual(detect(c.lines), []));
  }
});

describe('relationship beyond the household', () => {
  // Several styles: court Q/A, police interview, social-worker interview, a recorded call.
  const fires: Array<{ name: string; lines: string[]; expected: string[] }> = [
    {
      name: 'a named attorney in apposition',
      lines: ['Q: Who helped you with the paperwork?', 'A: My attorney, Rachel Okafor, did most of it.'],
      expected: ['2 info Rachel Okafor: stated: "attorney"'],
    },
    {
      name: 'a role put by counsel and confirmed, citing the question and the answer',
      lines: ['Q: Was Daniel Price your client at the time?', 'A: Yes.'],
      expected: ['1 info Daniel Price: confirmed in answer: "client"'],
    },
    {
      name: "a third person's manager, confirmed",
      lines: ["Q: And Sarah Wood was Tom Hale's manager; is that right?", "A: That's right."],
      expected: ['1 info Tom Hale; Sarah Wood: confirmed in answer: "manager"'],
    },
    {
      name: 'a role put and denied',
      lines: ['Q: Is Kelly your friend?', 'A: No.'],
      expected: ['1 info Kelly: relationship denied: "friend"'],
    },
    {
      name: 'never met, put and answered',
      lines: ['Q: Have you ever met Alan Price?', 'A: No, never.'],
      expected: ['1 info Alan Price: relationship denied: "met or spoke to"'],
    },
    {
      name: 'a verb frame confirmed by "Yes, I did."',
      lines: ['Q: And you worked for Alan Price for two years?', 'A: Yes, I did.'],
      expected: ['1 info Alan Price: confirmed in answer: "worked with"'],
    },
    {
      name: 'a representation denied in her own words',
      lines: ['Q: Did you act for Mark Ellis?', "A: I don't believe I ever represented Mark Ellis."],
      expected: ['2 info Mark Ellis: relationship denied: "represented"'],
    },
    {
      name: 'a publicist, then fired',
      lines: ['Q: How did you know him?', 'A: Mike is my publicist. He was my publicist for years, then I fired him.'],
      expected: ['2 info Mike: stated: "publicist", "fired (ended)"'],
    },
    {
      name: 'two other people married',
      lines: ['SW: Who is Jordan?', 'MUM: Jordan was married to Tasha Blake for ten years.'],
      expected: ['2 info Jordan; Tasha Blake: stated: "married to"'],
    },
    {
      name: "someone else's lawyer on a recorded call",
      lines: ['CALL HANDLER: Who rang you?', "CALLER: It was Gina's lawyer, Steve Morton, who rang me."],
      expected: ['2 info Gina; Steve Morton: stated: "lawyer"'],
    },
    {
      name: '"we are not friends" about the person put',
      lines: ['Q: You and Pete Sands are friends, correct?', "A: I wouldn't say we are friends."],
      expected: ['2 info Pete Sands: relationship denied: "friend"'],
    },
    {
      name: 'a follow-up that names the role just confirmed',
      lines: ['DC HARRIS: Lee has a brother, correct?', 'MR DUNN: Yes.', 'DC HARRIS: Named Craig?', 'MR DUNN: Yes.'],
      expected: ['1 info Lee; Craig: confirmed in answer: "brother"'],
    },
    {
      name: 'an answer that does not know leaves the relationship uncertain',
      lines: ['Q: Was Gavin Shaw your landlord back then?', "A: I don't know."],
      expected: ['1 info Gavin Shaw: relationship uncertain: "landlord"'],
    },
    {
      name: 'one clue per person named, each with its own stance',
      lines: ['DS REID: Who did you act for?', "MR ADEYEMI: I represented Paula Henderson. I can't recall if I represented Neil Henderson."],
      expected: ['2 info Paula Henderson: stated: "represented"', '2 info Neil Henderson: relationship uncertain: "represented"'],
    },
    {
      name: 'a negation that belongs to another verb leaves the role a given',
      lines: ['Q: You did not tell your husband, Colin Barr, about the letter; correct?', 'A: Correct.'],
      expected: ['1 info Colin Barr: confirmed in answer: "husband"'],
    },
    {
      name: 'not sure of the year is not doubt about the relationship',
      lines: ['Q: Terry Lowe was your client in 2015; correct?', "A: I don't recall the year."],
      expected: ['1 info Terry Lowe: confirmed in answer: "client"'],
    },
    {
      name: '"not just" says more, not less',
      lines: ['Q: You were not just representing Martin Hale; right?', 'A: Right.'],
      expected: ['1 info Martin Hale: confirmed in answer: "represented"'],
    },
    {
      name: 'a relationship verb after "continued to"',
      lines: ['Q: You continued to work with Rob Fenn after the sale, right?', 'A: Yes.'],
      expected: ['1 info Rob Fenn: confirmed in answer: "worked with"'],
    },
    {
      name: '"stopped working for" ends the relationship',
      lines: ['PC HOLT: Where do you work now?', 'MS ORAM: Nowhere. I stopped working for Ray Dunn last year.'],
      expected: ['2 info Ray Dunn: stated: "worked with (ended)"'],
    },
    {
      name: 'never met the officer asking',
      lines: ['DC PRICE: You and I have never met before, have we?', 'MR KNOX: No.'],
      expected: ['1 info DC PRICE: relationship denied: "met or spoke to"'],
    },
    {
      name: 'knowing someone by name, confirmed',
      lines: ['Q: Do you know someone named Anthony Mills?', 'A: I do.'],
      expected: ['1 info Anthony Mills: confirmed in answer: "knows"'],
    },
    {
      name: 'worked on something with someone, past a dash aside',
      lines: ['Q: And you were working on that —— what would you call it —— deal with a man named Kevin Rourke?', 'A: Yes.'],
      expected: ['1 info Kevin Rourke: confirmed in answer: "worked with"'],
    },
    {
      name: 'a former role and a romance with the same man are two clues, past "previously" and "now"',
      lines: ['PC DALE: How did you get to the hotel?', 'MS KERR: Gavin, who was previously my landlord, we were now dating, he drove me there.'],
      expected: ['2 info Gavin: stated: "landlord"', '2 info Gavin: stated: "dating"'],
    },
    {
      name: '"we got engaged" is the fiancé\'s, not a hiring',
      lines: ['SW: Who is Dean?', "MS HART: Dean's my fiancé, we got engaged at Christmas."],
      expected: ['2 info Dean: stated: "my fiancé", "engaged"'],
    },
    {
      name: 'a name given for an unnamed role goes to that role, not to the man named before',
      lines: ['PC DALE: Who else did you tell?', 'MS KERR: Kyle Dent. And my then landlord. His name was Wes. He was the first one I told.'],
      expected: ['2 info Wes: stated: "landlord"'],
    },
    {
      name: 'a possessive "her" may be the subject\'s own',
      lines: ['DC MOSS: Did Sky Lomax argue with Darren Pike?', 'MS BRYCE: Yes. She would have rung her boyfriend after.'],
      expected: ['2 info her boyfriend: stated: "Sky Lomax\'s boyfriend"'],
    },
    {
      name: 'a relative clause says whose the role is',
      lines: ['Q: You spoke to Mr. Garner earlier, the solicitor that you were seeing at the time; correct?', 'A: Correct.'],
      expected: ['1 info Mr. Garner: confirmed in answer: "solicitor"'],
    },
  ];
  for (const c of fires) {
    it(`fires: ${c.name}`, () => assert.deepEqual(detect(c.lines), c.expected));
  }

  it('a confirmed relationship cites the question line and the answer line', () => {
    const [clue] = relationship.detect(analyseLines(['Q: Was Daniel Price your client at the time?', 'A: Yes.']));
    assert.deepEqual(clue, {
      rule: 'relationship',
      kind: 'relationship',
      severity: 'info',
      file: 't.txt',
      line: 1,
      column: 21,
      lines: [1, 2],
      who: 'Daniel Price',
      speaker: 'Q',
      messageId: 'confirmed',
      data: { quotes: '"client"' },
      message: 'confirmed in answer: "client"',
      evidence: [
        { line: 1, column: 21, endLine: 1, endColumn: 32, text: 'your client' },
        { line: 2, column: 4, endLine: 2, endColumn: 7, text: 'Yes' },
      ],
    });
  });

  it('one clue per person and stance, citing every line', () => {
    const lines = ['Q: Who is David?', 'A: David Lane is my lawyer.', 'Q: Still?', 'A: Yes. David Lane is my lawyer and has been for years.'];
    assert.deepEqual(detect(lines), ['2 info David: stated: "lawyer"']);
    assert.deepEqual(relationship.detect(analyseLines(lines))[0]!.lines, [2, 4]);
  });

  const quiet: Array<{ name: string; lines: string[] }> = [
    { name: 'a question that names nobody, answered no', lines: ['Q: Who is your lawyer?', "A: I don't have one."] },
    { name: 'the lawyer for the other side', lines: ['Q: What did you do next?', 'A: I asked the lawyer for the other side to send it over.'] },
    { name: 'attorney-client privilege with no person', lines: ['Q: Did you discuss it with anyone?', 'A: No. That is covered by attorney-client privilege.'] },
    { name: 'a lawyer in a hypothetical', lines: ['Q: What would you do if they charged you?', 'A: I suppose I would get a lawyer.'] },
    { name: 'not spoken for a while is no denial', lines: ['SW: When did you last speak to Darren?', "MUM: I haven't spoken to him in months."] },
    { name: 'whether two others have met', lines: ['SW: Has Tommo met Freya?', "MUM: No, he's never met Freya."] },
    {
      name: 'an owned relationship under another question',
      lines: ['Q: And your relationship with Dylan Ward helped your business, right?', 'A: No.'],
    },
    {
      name: 'words quoted in a put, not remembered',
      lines: ['Q: Do you recall texting Dana, "Mel\'s boyfriend Jake turned up again"?', "A: I don't."],
    },
    { name: 'a no to "is it your testimony that… not"', lines: ['Q: Is it your testimony that Owen Pike was not your client?', 'A: No.'] },
    {
      name: "someone else's \"my\" quoted in the answer",
      lines: ['DC OWUSU: What did she say?', 'MS LAIRD: She said, "My solicitor will sort it out." Then she left.'],
    },
    { name: 'knowing that someone was there is no acquaintance', lines: ['Q: Did you know Anthony Mills was there?', 'A: I did.'] },
    {
      name: '"we know" inside a quoted remark',
      lines: ['Q: Nobody at the office said, "Now we know the van exists, let\'s go," right?', 'A: No.'],
    },
    { name: 'a relative clause with nobody named', lines: ['SW: Who did you ring?', 'MUM: I rang the solicitor that I found online.'] },
    { name: 'working on one thing and meeting someone in another clause', lines: ['Q: What were you doing?', 'A: I was working on the car. Then I went with Kevin Rourke to the pub.'] },
    { name: 'a firm engaged by the council', lines: ['SW: Who did the repairs?', 'MUM: The council engaged a firm. Then they sent a man round.'] },
    { name: 'a landlord who is now just a landlord', lines: ['PC DALE: Who owns the flat?', 'MS KERR: A landlord in Leeds. We never see him now.'] },
    { name: 'an unnamed solicitor', lines: ['SW: Who have you spoken to about the court date?', 'MUM: My solicitor. He said to keep a diary.'] },
    { name: "an unnamed lawyer in a court answer", lines: ['Q: Did the prosecutors contact you directly?', 'A: No. They contacted my attorney.'] },
    { name: "counsel's \"your lawyer\" with nobody named", lines: ["Q: And your lawyer advised you not to answer; correct?", 'A: Correct.'] },
    { name: 'plural roles take no apposition', lines: ['Q: Where did it come from?', 'A: It came from my clients, Paul Moss, and from the papers.'] },
  ];
  for (const c of quiet) {
    it(`stays quiet: ${c.name}`, () => assert.deepEqual(detect(c.lines), []));
  }
});
