-- 0004: reserved for policy revisions (issue 12 part B), which lands in its own branch; migrations are numbered without
-- gaps, so this branch holds the number with an empty step. When both are merged, issue 12 part B's script replaces this file.
SELECT 1;
