-- melding_clock (0019) in PL/pgSQL: a SQL-language function that cannot be inlined is planned again at every call
-- (~3 ms); PL/pgSQL keeps its plans for the session, so a status change pays microseconds and the generator's
-- clock pass over 100,000 open cases takes seconds instead of minutes. Same definition.
CREATE OR REPLACE FUNCTION melding_clock(p_id uuid, p_status melding_status) RETURNS timestamptz LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF p_status = 'onderzoek' THEN
    RETURN (
      SELECT CASE WHEN o.started_at IS NULL THEN o.besluit_at
                  ELSE ((o.due_date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') - interval '1 millisecond' END
        FROM onderzoeken o WHERE o.melding_id = p_id AND o.afgerond_at IS NULL ORDER BY o.besluit_at DESC LIMIT 1);
  ELSIF p_status IN ('vv', 'monitoring') THEN
    RETURN (
      SELECT ((min(x.d) + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') - interval '1 millisecond'
        FROM (SELECT c.due_date AS d FROM monitoring_checkpoints c WHERE c.melding_id = p_id AND c.status = 'gepland'
              UNION ALL
              SELECT v.controle_op FROM vv_voorwaarden v WHERE v.melding_id = p_id AND v.status = 'lopend') x);
  END IF;
  RETURN NULL;
END $$;
