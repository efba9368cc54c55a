-- Trends (issue 8, session 2): the language of a show's webhook alerts (fr or en); e-mails and the
-- app speak each recipient's language. Deliveries held back by quiet hours are stored with the
-- outcome 'deferred' until they are sent.
ALTER TABLE alert_rules ADD COLUMN webhook_lang VARCHAR(5);
CREATE INDEX alert_deliveries_outcome ON alert_deliveries (outcome);
