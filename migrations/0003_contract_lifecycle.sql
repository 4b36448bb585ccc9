-- The contract's product version and how it ended, for the advisor's list and detail.
ALTER TABLE contracts ADD COLUMN product_version TEXT;
ALTER TABLE contracts ADD COLUMN ended_on DATE;
ALTER TABLE contracts ADD COLUMN end_reason TEXT;
