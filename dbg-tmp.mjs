import { readFileSync } from 'fs';
import { analyse } from './dist/src/analyse/index.js';
import { parse } from './dist/src/parse/index.js';
const file = process.argv[2];
const a = analyse(parse({ file, text: readFileSync(file, 'utf8') }));
for (const p of a.roster.people) {
  console.log(p.id, p.name, p.personClass, JSON.stringify(p.roles), a.roster.byPerson[p.id].map(m => `${a.sentences[m.sentence].role.slice(0,5)}${a.sentences[m.sentence].utterance.line}:${m.kind[0]}:${m.text}`).join(' '));
}
for (const c of a.cues) if (['safety','injury','visit','care','overnight','residence','carerAfter','carerInside'].includes(c.type)) console.log(c.type, a.sentences[c.sentence].utterance.line, JSON.stringify(c.text), c.personId, c.negated);
