using Dapper;
using Npgsql;

namespace ProtocolOcr.Infrastructure.Downstream.Report;

/// <summary>Reads the report page's figures from the downstream views.</summary>
public sealed class ReportRepository(NpgsqlDataSource dataSource)
{
    public const int LargestDifferencesShown = 15;

    public async Task<ReportData?> LoadAsync(string electionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var election = new { electionId };
        var title = await connection.QuerySingleOrDefaultAsync<string>(Command("SELECT title FROM elections WHERE id = @electionId", election, cancellationToken));
        if (title is null)
        {
            return null;
        }

        var coverage = await connection.QueryAsync<CoverageRow>(Command("""
            SELECT region, precincts, precincts_with_photos AS WithPhotos, precincts_verified AS Verified,
                   precincts_needing_review AS NeedingReview
            FROM coverage_by_region WHERE election_id = @electionId ORDER BY region
            """, election, cancellationToken));
        var regions = await connection.QueryAsync<RegionDifferenceRow>(Command("""
            SELECT region, precincts_compared AS PrecinctsCompared, precincts_differing AS PrecinctsDiffering,
                   lines_differing AS LinesDiffering, sum_difference::bigint AS SumDifference, sum_abs_difference::bigint AS SumAbsDifference
            FROM region_discrepancies WHERE election_id = @electionId ORDER BY region
            """, election, cancellationToken));
        var largest = await connection.QueryAsync<PrecinctDifferenceRow>(Command("""
            SELECT DISTINCT ON (sum_abs, region, precinct) region, precinct, lines AS LinesDiffering, sum_abs AS SumAbsDifference,
                   coalesce(line_label, field_id) AS LargestLine, observer_value AS LargestObserver, official_value AS LargestOfficial,
                   upload_ids AS UploadIds
            FROM (
                SELECT d.*, coalesce(d.line_number || '. ', '') || d.label AS line_label,
                       count(*) FILTER (WHERE difference <> 0) OVER p AS lines, (sum(abs(difference)) OVER p)::bigint AS sum_abs
                FROM discrepancies d WHERE election_id = @electionId
                WINDOW p AS (PARTITION BY region, precinct)
            ) d
            WHERE sum_abs > 0
            ORDER BY sum_abs DESC, region, precinct, abs(difference) DESC
            LIMIT @limit
            """, new { electionId, limit = LargestDifferencesShown }, cancellationToken));
        var choices = await connection.QueryAsync<(string FieldId, string Label)>(Command("""
            SELECT field_id, label FROM precinct_turnout_shares WHERE election_id = @electionId
            GROUP BY field_id, label ORDER BY sum(votes) DESC, field_id LIMIT 1
            """, election, cancellationToken));
        var choice = choices.Select(c => ((string FieldId, string Label)?)c).FirstOrDefault();
        var scatter = choice is null ? [] : await connection.QueryAsync<ScatterPoint>(Command("""
            SELECT region, precinct, turnout_percent::float8 AS Turnout, share_percent::float8 AS Share,
                   official_turnout_percent::float8 AS OfficialTurnout, official_share_percent::float8 AS OfficialShare
            FROM precinct_turnout_shares WHERE election_id = @electionId AND field_id = @fieldId AND turnout_percent IS NOT NULL
              AND share_percent IS NOT NULL
            """, new { electionId, choice.Value.FieldId }, cancellationToken));
        var shares = await connection.QueryAsync<ShareRow>(Command("""
            SELECT region, field_id AS FieldId, label, observer_share_percent::float8 AS ObserverShare,
                   official_share_percent::float8 AS OfficialShare
            FROM region_shares WHERE election_id = @electionId
            """, election, cancellationToken));
        return new ReportData(electionId, title, coverage.ToList(), regions.ToList(),
            largest.OrderByDescending(r => r.SumAbsDifference).ThenBy(r => r.Region).ThenBy(r => r.Precinct).ToList(),
            choice?.Label, scatter.ToList(), shares.ToList());
    }

    private static CommandDefinition Command(string sql, object parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, cancellationToken: cancellationToken);
}
