using Dapper;
using Npgsql;
using ProtocolOcr.Api.Tests.Harness;

namespace ProtocolOcr.Api.Tests.Downstream;

/// <summary>The views of docs/database.md on <see cref="SeededElection"/>; every expectation is computed by hand there.</summary>
[Collection(ServicesCollection.Name)]
public sealed class ResultsViewsTests(ServicesFixture services)
{
    [Fact]
    public async Task Final_results_hold_one_value_per_precinct_and_line_and_leave_out_the_disputed_line()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        await SeededElection.SeedAsync(environment);

        // 101, 102, 201: 13 lines each; 103: 12 (V6 disputed).
        Assert.Equal(51, await environment.ScalarAsync("SELECT count(*) FROM final_results WHERE election_id = 'test-2019'"));
        Assert.Equal(0, await environment.ScalarAsync("SELECT count(*) FROM final_results WHERE precinct = '103' AND field_id = 'V6'"));
        Assert.Equal(1, await environment.ScalarAsync("""
            SELECT count(*) FROM final_results
            WHERE precinct = '101' AND field_id = 'V6' AND line_number = '12' AND value = 400 AND label LIKE 'Токаев%'
            """));
    }

    [Fact]
    public async Task Coverage_counts_registry_precincts_with_photos_verified_and_waiting_for_review()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        await SeededElection.SeedAsync(environment);

        var rows = await QueryAsync<(string Region, long Precincts, long WithPhotos, long Verified, long NeedingReview, decimal Percent)>(environment, """
            SELECT region, precincts, precincts_with_photos, precincts_verified, precincts_needing_review, verified_percent
            FROM coverage_by_region WHERE election_id = 'test-2019' ORDER BY region
            """);

        Assert.Equal([("Almaty", 3L, 3L, 2L, 1L, 66.7m), ("Uralsk", 2L, 1L, 1L, 0L, 50.0m)], rows);
    }

    [Fact]
    public async Task Discrepancies_are_official_minus_observer_for_each_differing_line()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        await SeededElection.SeedAsync(environment);

        var rows = await QueryAsync<(string Precinct, string Field, long Observer, long Official, long Difference)>(environment, """
            SELECT precinct, field_id, observer_value, official_value, difference FROM discrepancies
            WHERE election_id = 'test-2019' AND difference <> 0 ORDER BY precinct, field_id
            """);

        Assert.Equal([("101", "V3", 30L, 0L, -30L), ("101", "V6", 400L, 450L, 50L), ("201", "L4", 700L, 750L, 50L), ("201", "V6", 420L, 470L, 50L)], rows);
        Assert.Equal(51, await environment.ScalarAsync("SELECT count(*) FROM discrepancies WHERE election_id = 'test-2019'"));
    }

    [Fact]
    public async Task Region_aggregates_sum_the_differences_of_verified_precincts_only()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        await SeededElection.SeedAsync(environment);

        var rows = await QueryAsync<(string Region, long Compared, long Differing, long Lines, long LinesDiffering, decimal Sum, decimal AbsSum)>(environment, """
            SELECT region, precincts_compared, precincts_differing, lines_compared, lines_differing, sum_difference, sum_abs_difference
            FROM region_discrepancies WHERE election_id = 'test-2019' ORDER BY region
            """);

        Assert.Equal([("Almaty", 2L, 1L, 26L, 2L, 20m, 80m), ("Uralsk", 1L, 1L, 13L, 2L, 100m, 100m)], rows);
    }

    [Fact]
    public async Task Region_shares_compare_each_candidates_share_by_observers_and_officially()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        await SeededElection.SeedAsync(environment);

        var rows = await QueryAsync<(string Region, decimal ObserverVotes, decimal OfficialVotes, decimal ObserverShare, decimal OfficialShare, decimal Difference)>(environment, """
            SELECT region, observer_votes, official_votes, observer_share_percent, official_share_percent, share_difference_points
            FROM region_shares WHERE election_id = 'test-2019' AND field_id = 'V6' ORDER BY region
            """);

        // Almaty (101 + 102): V6 400 + 440 = 840 of 1090 observed, 450 + 440 = 890 of 1110 official.
        // Uralsk (201): V6 420 of 680 observed, 470 of 730 official.
        Assert.Equal([("Almaty", 840m, 890m, 77.06m, 80.18m, 3.12m), ("Uralsk", 420m, 470m, 61.76m, 64.38m, 2.62m)], rows);
        Assert.Equal(14, await environment.ScalarAsync("SELECT count(*) FROM region_shares WHERE election_id = 'test-2019'"));
    }

    [Fact]
    public async Task Turnout_and_share_per_verified_precinct_feed_the_scatter()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        await SeededElection.SeedAsync(environment);

        var rows = await QueryAsync<(string Precinct, decimal Turnout, decimal Share, decimal OfficialTurnout, decimal OfficialShare)>(environment, """
            SELECT precinct, turnout_percent, share_percent, official_turnout_percent, official_share_percent FROM precinct_turnout_shares
            WHERE election_id = 'test-2019' AND field_id = 'V6' ORDER BY precinct
            """);

        // Observers: 101: 590 valid votes of 1000 voters, V6 400 of 590; 102: 500 of 800, 440 of 500; 201: 680 of 1200, 420 of 680.
        // Official: 101: 610 of 1000, V6 450 of 610; 102 the same as observed; 201: 730 of 1200, 470 of 730.
        Assert.Equal([("101", 59.00m, 67.80m, 61.00m, 73.77m), ("102", 62.50m, 88.00m, 62.50m, 88.00m), ("201", 56.67m, 61.76m, 60.83m, 64.38m)], rows);
    }

    private static async Task<List<T>> QueryAsync<T>(TestEnvironment environment, string sql)
    {
        await using var connection = new NpgsqlConnection(environment.DatabaseConnectionString);
        return (await connection.QueryAsync<T>(sql)).ToList();
    }
}
