-- A schema-11 collection (legacy .apkg) made by hand for the importer's tests and fuzzing:
-- Basic (with an optional reverse) and Cloze note types, a nested deck, HTML, a note with
-- nothing to type, suspended and flagged cards, FSRS memory in cards.data, and a revlog
-- with learning steps (negative ivl: seconds), reviews, a lapse and a manual reschedule.
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL,
  scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL,
  ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
  dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL,
  sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL,
  ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL,
  queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
  reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL,
  odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL,
  ease integer NOT NULL, ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL,
  time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);

INSERT INTO col VALUES(1,1699920000,1700000000000,1700000000000,11,0,0,0,'{}','{"1400000000001": {"id": 1400000000001, "name": "Basic", "type": 0, "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}], "tmpls": [{"name": "Card 1", "ord": 0, "qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}, {"name": "Card 2", "ord": 1, "qfmt": "{{#Back}}{{Back}}{{/Back}}", "afmt": "{{FrontSide}}<hr id=answer>{{Front}}"}]}, "1400000000002": {"id": 1400000000002, "name": "Cloze", "type": 1, "flds": [{"name": "Text", "ord": 0}, {"name": "Back Extra", "ord": 1}], "tmpls": [{"name": "Cloze", "ord": 0, "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br>{{Back Extra}}"}]}}','{"1": {"id": 1, "name": "Default"}, "1500000000001": {"id": 1500000000001, "name": "Planets::Outer"}}','{}','{}');
INSERT INTO notes VALUES(1600000000001,'g-jupiter',1400000000001,1700000000,-1,'planets outer','Largest planet?Jupiter','Largest planet?',0,0,'');
INSERT INTO notes VALUES(1600000000002,'g-saturn',1400000000001,1700000000,-1,'','<b>Ringed</b> planet&nbsp;with 146 moons?Saturn<br><div class="source">NASA</div>','<b>Ringed</b> planet&nbsp;with 146 moons?',0,0,'');
INSERT INTO notes VALUES(1600000000003,'g-cloze',1400000000002,1700000000,-1,'factdeck::fact::year','{{c1::Neptune}} was found in {{c2::1846::year}}.Le Verrier','{{c1::Neptune}} was found in {{c2::1846::year}}.',0,0,'');
INSERT INTO notes VALUES(1600000000004,'g-empty',1400000000001,1700000000,-1,'','<img src="a.png">','<img src="a.png">',0,0,'');
INSERT INTO cards VALUES(1700000000001,1600000000001,1500000000001,0,1700000000,-1,2,2,100,12,2500,3,1,0,0,0,0,'{"s":12.5,"d":4.2}');
INSERT INTO cards VALUES(1700000000002,1600000000001,1500000000001,1,1700000000,-1,0,0,1,0,0,3,1,0,0,0,1,'');
INSERT INTO cards VALUES(1700000000003,1600000000002,1,0,1700000000,-1,1,-1,1700000000,0,0,3,1,0,0,0,0,'');
INSERT INTO cards VALUES(1700000000004,1600000000003,1500000000001,0,1700000000,-1,2,2,50,3,2300,3,1,0,0,1,0,'{}');
INSERT INTO cards VALUES(1700000000005,1600000000003,1500000000001,1,1700000000,-1,3,1,1700000600,-600,2100,3,1,0,0,0,3,'');
INSERT INTO cards VALUES(1700000000006,1600000000004,1,0,1700000000,-1,0,0,2,0,0,3,1,0,0,0,0,'');
INSERT INTO revlog VALUES(1700000000000,1700000000001,-1,3,-600,0,0,8000,0);
INSERT INTO revlog VALUES(1700000600000,1700000000001,-1,3,1,-600,2500,6000,0);
INSERT INTO revlog VALUES(1700086400000,1700000000001,-1,4,12,1,2650,3000,1);
INSERT INTO revlog VALUES(1700000001000,1700000000004,-1,1,-60,0,0,12000,0);
INSERT INTO revlog VALUES(1700000100000,1700000000004,-1,3,3,-60,2300,7000,1);
INSERT INTO revlog VALUES(1700000200000,1700000000005,-1,1,-600,3,2100,9000,2);
INSERT INTO revlog VALUES(1700000300000,1700000000005,-1,0,0,0,0,0,4);
