-- Secrets the service keeps for itself, shared by every replica. 'cursor' signs the paging cursors a collection
-- issues, so that an edited, forged or borrowed cursor is refused rather than read as a page. Random (PostgreSQL's
-- strong source behind gen_random_uuid), made once, never leaves the database and the service's memory.
create table service_secret (
    name   varchar(40) primary key,
    secret bytea       not null
);
insert into service_secret (name, secret)
values ('cursor', decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));
