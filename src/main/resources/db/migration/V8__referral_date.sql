-- The day a case was referred (the date of Form A), which may be before it was entered in the service. Every later
-- step's date must follow it. Cases already recorded were referred the day they were entered.
alter table policy_case add column referred_on date;
update policy_case set referred_on = (referred_at at time zone 'Europe/London')::date;
alter table policy_case alter column referred_on set not null;
