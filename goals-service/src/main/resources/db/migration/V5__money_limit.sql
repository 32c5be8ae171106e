-- The platform's one money limit (events MoneyLimit: below 10^15), held by every money column as well.
-- NOT VALID: rows written before the limit are left as they are; every new or changed row is checked.
alter table lead_fact add constraint lead_fact_amount_limit check (abs(amount) < 1e15) not valid;
alter table campaign_fact add constraint campaign_fact_budget_limit check (abs(budget) < 1e15) not valid;
alter table spend_fact add constraint spend_fact_amount_limit check (abs(amount) < 1e15) not valid;
alter table goal add constraint goal_target_limit check (abs(target) < 1e15) not valid;
