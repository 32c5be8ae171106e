-- The platform's one money limit (events MoneyLimit: below 10^15), held by the column as well.
-- NOT VALID: rows written before the limit are left as they are; every new or changed row is checked.
alter table lead add constraint lead_amount_limit check (abs(amount) < 1e15) not valid;
