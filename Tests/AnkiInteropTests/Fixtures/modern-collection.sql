-- The same collection in schema 18 (current .apkg, once unzstd'ed): note types, fields,
-- templates and decks in tables, their configs protobuf (Notetype.Config 1 = kind, 1 cloze;
-- Template.Config 1 = question format, 2 = answer format); deck names use U+001F for '::'.
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
CREATE TABLE notetypes (id integer PRIMARY KEY, name text NOT NULL, mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL, config blob NOT NULL, PRIMARY KEY (ntid, ord));
CREATE TABLE templates (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL, mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL, PRIMARY KEY (ntid, ord));
CREATE TABLE decks (id integer PRIMARY KEY, name text NOT NULL, mtime_secs integer NOT NULL, usn integer NOT NULL, common blob NOT NULL, kind blob NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);

INSERT INTO col VALUES(1,1699920000,1700000000000,1700000000000,18,0,0,0,'','','','','');
INSERT INTO notetypes VALUES(1400000000001,'Basic',1700000000,-1,X'');
INSERT INTO fields VALUES(1400000000001,0,'Front',X'');
INSERT INTO fields VALUES(1400000000001,1,'Back',X'');
INSERT INTO templates VALUES(1400000000001,0,'Card 1',1700000000,-1,X'0A097B7B46726F6E747D7D12237B7B46726F6E74536964657D7D3C68722069643D616E737765723E7B7B4261636B7D7D');
INSERT INTO templates VALUES(1400000000001,1,'Card 2',1700000000,-1,X'0A1A7B7B234261636B7D7D7B7B4261636B7D7D7B7B2F4261636B7D7D12247B7B46726F6E74536964657D7D3C68722069643D616E737765723E7B7B46726F6E747D7D');
INSERT INTO notetypes VALUES(1400000000002,'Cloze',1700000000,-1,X'0801');
INSERT INTO fields VALUES(1400000000002,0,'Text',X'');
INSERT INTO fields VALUES(1400000000002,1,'Back Extra',X'');
INSERT INTO templates VALUES(1400000000002,0,'Cloze',1700000000,-1,X'0A0E7B7B636C6F7A653A546578747D7D12207B7B636C6F7A653A546578747D7D3C62723E7B7B4261636B2045787472617D7D');
INSERT INTO decks VALUES(1,'Default',0,0,X'',X'0A00');
INSERT INTO decks VALUES(1500000000001,'PlanetsOuter',0,0,X'',X'0A00');
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
