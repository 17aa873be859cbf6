-- The register of potentially dangerous persons and properties: entries, every version of their content, the log of
-- who viewed them, and their annual reviews. Appeals and letters may now be about an entry.

create table register_entry (
    id                  uuid primary key,
    state               varchar(20)  not null,
    in_force_version_id uuid,
    pending_version_id  uuid,
    -- The customer on record the entry is about (from its latest version), whatever its state.
    about_customer_id   uuid references customer (id),
    -- What lookups match and answer, from the version in force (null while none is): kept here so that a lookup is
    -- one indexed query. The keys are in the normal form of org.ubcs.identifiers.Identifiers.
    customer_id         uuid references customer (id),
    name_key            text,
    date_of_birth       date,
    postcode_key        varchar(10),
    address_key         text,
    uprn                varchar(12),
    lookup              text,
    telling             jsonb,
    next_review_on      date,
    removal             jsonb,
    created_by_subject  varchar(255) not null,
    created_by_name     varchar(255) not null,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             bigint       not null
);
create index register_entry_page on register_entry (created_at, id);
create index register_entry_customer on register_entry (about_customer_id, created_at, id);
-- Lookups see only entries in force.
create index register_in_force_postcode on register_entry (postcode_key) where state = 'APPROVED';
create index register_in_force_address on register_entry (address_key text_pattern_ops) where state = 'APPROVED';
create index register_in_force_uprn on register_entry (uprn) where state = 'APPROVED';
create index register_in_force_customer on register_entry (customer_id) where state = 'APPROVED';
create index register_in_force_person on register_entry (name_key, date_of_birth) where state = 'APPROVED';
create index register_review_due on register_entry (next_review_on) where state = 'APPROVED';

create table register_entry_version (
    id                  uuid primary key,
    entry_id            uuid         not null references register_entry (id),
    number              integer      not null,
    state               varchar(20)  not null,
    content             jsonb        not null,
    authored_by_subject varchar(255) not null,
    authored_by_name    varchar(255) not null,
    authored_at         timestamptz  not null,
    -- Everyone who wrote this version's content: none of them may approve it.
    written_by          text[]       not null,
    approved_by_subject varchar(255),
    approved_by_name    varchar(255),
    approved_at         timestamptz,
    unique (entry_id, number)
);
alter table register_entry
    -- An entry and its first version point at each other: checked when the transaction commits.
    add constraint register_in_force foreign key (in_force_version_id) references register_entry_version (id)
        deferrable initially deferred,
    add constraint register_pending foreign key (pending_version_id) references register_entry_version (id)
        deferrable initially deferred;

-- Views are not changes: kept apart from the audit trail. Append-only.
create table register_view (
    id             uuid primary key,
    entry_id       uuid         not null references register_entry (id),
    viewer_subject varchar(255) not null,
    viewer_name    varchar(255) not null,
    purpose        varchar(20)  not null,
    via            varchar(20)  not null,
    viewed_at      timestamptz  not null
);
create index register_view_page on register_view (viewed_at, id);
create index register_view_entry on register_view (entry_id, viewed_at, id);
create index register_view_viewer on register_view (viewer_subject, viewed_at, id);

create table register_review (
    id                  uuid primary key,
    entry_id            uuid         not null references register_entry (id),
    due_on              date         not null,
    opens_on            date         not null,
    state               varchar(20)  not null,
    reviewer_subject    varchar(255) not null,
    reviewer_name       varchar(255) not null,
    outcome             jsonb,
    overdue_flagged_on  date,
    created_at          timestamptz  not null,
    version             bigint       not null,
    -- One task per entry and review date, whichever replica opens it.
    unique (entry_id, due_on)
);
create index register_review_page on register_review (created_at, id);
create index register_review_open on register_review (state, due_on) where state = 'OPEN';

-- An appeal is against a decision or against a register entry, never both.
alter table appeal
    alter column decision_id drop not null,
    alter column case_id drop not null,
    alter column customer_id drop not null,
    add column register_entry_id uuid references register_entry (id),
    add constraint appeal_against_one check (num_nonnulls(decision_id, register_entry_id) = 1);
create unique index appeal_one_live_per_entry on appeal (register_entry_id)
    where register_entry_id is not null and state in ('LATE', 'LODGED');

-- A letter about a register entry may be to a person who is not a customer.
alter table letter
    alter column customer_id drop not null,
    add column register_entry_id uuid references register_entry (id),
    add constraint letter_to_someone check (customer_id is not null or register_entry_id is not null);
create index letter_register_entry on letter (register_entry_id, created_at, id) where register_entry_id is not null;
