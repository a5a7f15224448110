import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseLines, peopleOf } from '../transcript.js';

const personOf = (lines: string[], name: string) => {
  const analysis = analyseLines(lines);
  const person = analysis.roster.people.find((p) => p.name === name || p.aliases.includes(name));
  assert.ok(person, `no person ${name} in ${peopleOf(analysis).join(', ')}`);
  return person;
};

describe('people roster', () => {
  it('takes each "a man" for someone new and "the man" for the last one brought in', () => {
    const lines = [
      'DC WARD: What happened at the car park?',
      'MS LEE: A man came up to me and said he knew where I lived. The man had a scar on his face.',
      'DC WARD: And later?',
      'MS LEE: Later a man in a suit helped me carry the shopping. I had never seen him before.',
    ];
    const men = analyseLines(lines).roster.people.filter((p) => /man/.test(p.name));
    assert.deepEqual(
      men.map((p) => p.mentions.filter((m) => /man/i.test(m.text)).map((m) => `${m.line}:${m.text}`)),
      [['2:A man', '2:The man'], ['4:a man']],
    );
  });

  it('merges a nickname, a full name and pronouns into one person', () => {
    const steven = personOf(
      ['SW: Tell me about Steven Barker.', "MUM: Steve? He's lovely. I met him at the pub.", 'SW: Does Steven stay over?', 'MUM: He does sometimes.'],
      'Steven Barker',
    );
    assert.deepEqual(steven.aliases, ['Steve', 'Steven']);
    assert.deepEqual(
      steven.mentions.map((m) => `${m.line}:${m.text}`),
      ['1:Steven Barker', '2:Steve', "2:He's", '2:him', '3:Steven', '4:He'],
    );
  });

  it('resolves "he" in an answer to the person named in the question', () => {
    const craig = personOf(['SW: Has Craig ever looked after Tyler for you?', "MUM: No, he's never had Tyler on his own."], 'Craig');
    assert.ok(craig.mentions.some((m) => m.line === 2 && m.pronoun));
  });

  it('does not let an object pronoun mean the subject of its own clause', () => {
    const analysis = analyseLines(['SW: How does Tyler get on with Craig?', 'MUM: He picks him up from nursery.']);
    const [he, him] = analysis.roster.bySentence[1]!;
    assert.notEqual(he!.personId, him!.personId);
  });

  it('links roles by apposition and copula', () => {
    const lines = ['SW: Who is around?', "MUM: My sister Kelly, and Dean. He's just a friend. Mrs Dunn, her teacher, rang.", 'SW: Does Dean come round?'];
    assert.equal(personOf(lines, 'Kelly').personClass, 'relative');
    assert.equal(personOf(lines, 'Dean').personClass, 'friend');
    assert.equal(personOf(lines, 'Mrs Dunn').personClass, 'professional');
  });

  it('keeps a denied role off the person', () => {
    const kieran = personOf(['SW: Who is Kieran?', "MUM: He's not my fella."], 'Kieran');
    assert.equal(kieran.personClass, 'unknown');
  });

  it('treats a courtesy title as no relation', () => {
    const marcus = personOf(['SW: Who is Marcus?', 'MUM: A mate. Harvey calls him Uncle Marcus.'], 'Marcus');
    assert.notEqual(marcus.personClass, 'relative');
  });

  it('recognises children by age, school, nappies and their parents', () => {
    const lines = [
      'SW: How are Tayla and Brodie?',
      "MUM: Tayla's six and Brodie's teething. Riley's dad has him on Saturdays. I pick Maisie up from school.",
    ];
    for (const name of ['Tayla', 'Brodie', 'Riley', 'Maisie']) assert.equal(personOf(lines, name).personClass, 'child', name);
  });

  it('makes a titled person a professional and ignores speakers named in the text', () => {
    const analysis = analyseLines(['SW: Thanks, Mrs Hall. Did Dr Patel see him?', 'Mrs Hall: Yes, Dr Patel saw him on Monday.']);
    assert.deepEqual(peopleOf(analysis), ['Dr Patel:professional']);
  });

  it('does not take capitalised words that are not people for names', () => {
    const analysis = analyseLines(["SW: What did you do?", "MUM: We had a Valentine's dinner on Saturday, then Christmas shopping at Tesco. I've been on Facebook."]);
    assert.deepEqual(peopleOf(analysis), []);
  });

  it('links an alias given with "knew him as"', () => {
    const analysis = analyseLines(['Q: Who else was there?', 'A: There was the lodger. I only knew him as Stu.']);
    assert.deepEqual(peopleOf(analysis), ['the lodger:household']);
    assert.deepEqual(analysis.roster.people[0]!.aliases, ['Stu']);
  });

  it('records who brought each person up', () => {
    const analysis = analyseLines(['SW: Who is Dean?', "MUM: Dean's a mate. And there's Kelly, my sister."]);
    const by = Object.fromEntries(analysis.roster.people.map((p) => [p.name, p.introducedBy]));
    assert.deepEqual(by, { Dean: 'interviewer', Kelly: 'interviewee' });
  });
});
