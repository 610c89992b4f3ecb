/**
 * SQL for a frequency table — rows (value, count) — of the non-null `value` column over the rows of
 * `table` that match `where` (equalities on leading index columns, e.g. the care area) and whose
 * `period` column lies in @from..@to.
 *
 * Why not GROUP BY: over ten years of a care area that steps through, compares and aggregates every
 * row (or sorts them all). With an index on (the `where` columns, value, period) this finds each
 * distinct value with one seek (a "loose index scan", which SQLite does not do by itself) and counts
 * it on one index range, a few hundred seeks instead of 25,000 grouped rows. Without that index
 * the answer is the same, only slower.
 */
export function frequencyTableSql(f: { table: string; where: string; value: string; period: string }): string {
  return `WITH RECURSIVE distinct_value(v) AS (
      SELECT min(${f.value}) FROM ${f.table} WHERE ${f.where}
      UNION ALL
      SELECT (SELECT min(${f.value}) FROM ${f.table} WHERE ${f.where} AND ${f.value} > d.v) FROM distinct_value d WHERE d.v IS NOT NULL)
    SELECT v, (SELECT count(*) FROM ${f.table} WHERE ${f.where} AND ${f.value} = d.v AND ${f.period} BETWEEN @from AND @to)
      FROM distinct_value d WHERE v IS NOT NULL`;
}
