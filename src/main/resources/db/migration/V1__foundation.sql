-- Customers, cases and their procedure steps, the evidence log, the audit trail and idempotency records.
-- Forms recorded whole (referral, prior warning, preconditions, assessment, case conference, closure) are JSON;
-- what is filtered or joined on is a column.

create table customer (
    id                     uuid primary key,
    full_name              varchar(200)  not null,
    email                  varchar(254),
    phone                  varchar(30),
    phone_digits           varchar(30),
    address_line1          varchar(200),
    address_line2          varchar(200),
    town                   varchar(100),
    postcode               varchar(10),
    postcode_key           varchar(10),
    preferred_channel      varchar(20),
    communication_needs    varchar(40)[] not null default '{}',
    reasonable_adjustments varchar(2000),
    advocate_name          varchar(200),
    advocate_organisation  varchar(200),
    advocate_email         varchar(254),
    advocate_phone         varchar(30),
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    version                bigint        not null
);
create index customer_page on customer (created_at, id);
create index customer_email on customer (lower(email));
create index customer_phone on customer (phone_digits);
create index customer_postcode on customer (postcode_key);

create table policy_case (
    id                  uuid primary key,
    customer_id         uuid          not null references customer (id),
    matter              varchar(500)  not null,
    department          varchar(200)  not null,
    classifications     varchar(40)[] not null,
    status              varchar(40)   not null,
    referral            jsonb         not null,
    referred_by_subject varchar(255)  not null,
    referred_by_name    varchar(255)  not null,
    referred_at         timestamptz   not null,
    prior_warning       jsonb,
    preconditions       jsonb,
    assessment          jsonb,
    case_conference     jsonb,
    closure             jsonb,
    next_review_on      date,
    evidence_count      integer       not null default 0,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             bigint        not null
);
create index policy_case_page on policy_case (created_at, id);
create index policy_case_customer on policy_case (customer_id);
create index policy_case_status on policy_case (status);
create index policy_case_review on policy_case (next_review_on);

create table decision (
    id                 uuid primary key,
    case_id            uuid          not null references policy_case (id),
    outcome            varchar(30)   not null,
    decided_on         date          not null,
    reasons            varchar(10000) not null,
    agreed_actions     jsonb         not null,
    customer_told_on   date          not null,
    review_on          date,
    decided_by_subject varchar(255)  not null,
    decided_by_name    varchar(255)  not null,
    decided_as         varchar(200)  not null,
    recorded_at        timestamptz   not null
);
create index decision_case on decision (case_id);

create table evidence_entry (
    id                  uuid primary key,
    case_id             uuid          not null references policy_case (id),
    sequence            integer       not null,
    occurred_at         timestamptz   not null,
    channel             varchar(20)   not null,
    officer             varchar(200)  not null,
    behaviours          varchar(40)[] not null,
    summary             varchar(4000) not null,
    corrects            uuid references evidence_entry (id),
    recorded_by_subject varchar(255)  not null,
    recorded_by_name    varchar(255)  not null,
    recorded_at         timestamptz   not null,
    unique (case_id, sequence)
);

-- Append-only: the service never updates or deletes a row.
create table audit_event (
    id             uuid primary key,
    occurred_at    timestamptz  not null,
    actor_subject  varchar(255) not null,
    actor_name     varchar(255) not null,
    action         varchar(60)  not null,
    entity_type    varchar(30)  not null,
    entity_id      uuid         not null,
    case_id        uuid,
    changed_fields varchar(60)[] not null
);
create index audit_event_page on audit_event (occurred_at, id);
create index audit_event_entity on audit_event (entity_id, occurred_at);
create index audit_event_case on audit_event (case_id, occurred_at);

create table idempotency_record (
    id              uuid primary key,
    scope           varchar(300) not null,
    idempotency_key varchar(128) not null,
    request_hash    varchar(64)  not null,
    location        varchar(300),
    etag            varchar(40),
    body            text         not null,
    created_at      timestamptz  not null,
    unique (scope, idempotency_key)
);
