-- Each status runs on the clock of its step (issue #16; db/src/domain/deadlines.ts, `klokken`). An onderzoek the MDO
-- decided but that has not started has no clock of its own here any more (it was the moment of the besluit, so the
-- case showed "termijn verstreken" at once): the wachtlijst's term is set when the case enters it (lifecycle.ts move).
CREATE OR REPLACE FUNCTION public.melding_clock(p_id uuid, p_status public.melding_status) RETURNS timestamp with time zone
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
  IF p_status = 'onderzoek' THEN
    RETURN (
      SELECT ((o.due_date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') - interval '1 millisecond'
        FROM onderzoeken o WHERE o.melding_id = p_id AND o.afgerond_at IS NULL AND o.started_at IS NOT NULL
       ORDER BY o.besluit_at DESC LIMIT 1);
  ELSIF p_status IN ('vv', 'monitoring') THEN
    RETURN (
      SELECT ((min(x.d) + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') - interval '1 millisecond'
        FROM (SELECT c.due_date AS d FROM monitoring_checkpoints c WHERE c.melding_id = p_id AND c.status = 'gepland'
              UNION ALL
              SELECT v.controle_op FROM vv_voorwaarden v WHERE v.melding_id = p_id AND v.status = 'lopend') x);
  END IF;
  RETURN NULL;
END $$;
