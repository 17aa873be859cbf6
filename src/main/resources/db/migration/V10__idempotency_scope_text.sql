-- An idempotency record's scope is the operation (with the case it is about) and the caller's subject, which may be
-- 255 characters: varchar(300) could not hold every one (a 500 on the caller's create). text holds them all.
alter table idempotency_record alter column scope type text;
