-- The platform's one money limit (events MoneyLimit: below 10^15), held by every money column as well.
-- NOT VALID: rows written before the limit are left as they are; every new or changed row is checked.
alter table campaign add constraint campaign_budget_limit check (abs(budget) < 1e15) not valid;
alter table campaign add constraint campaign_total_spend_limit check (abs(total_spend) < 1e15) not valid;
alter table lead_fact add constraint lead_fact_won_amount_limit check (abs(won_amount) < 1e15) not valid;
