-- Run after legacy-collection.sql: reviews no review log can hold. Found by fuzzing: a
-- revlog id of year 552190 was imported, written as "552190-07-17T15:00:58Z" and then
-- refused by the log reader as a damaged line; an interval of 2^63-1 days made a due date
-- the log writer trapped on.
INSERT INTO revlog VALUES(17000000000000000,1700000000002,-1,3,1,0,2500,4000,1);
INSERT INTO revlog VALUES(1700000400000,1700000000003,-1,3,9223372036854775807,0,2500,4000,1);
INSERT INTO revlog VALUES(1700000500000,1700000000003,-1,3,2,0,2500,4000,1);
