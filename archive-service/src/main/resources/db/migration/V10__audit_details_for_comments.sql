-- An entered homeroom comment is audited with its old and its new text (lưu vết: old value, new value), each up to
-- 4000 characters (student_comment.homeroom): the details of one entry must hold both, never a truncated value.
alter table audit_event alter column details set data type varchar(10000);
