using Dapper;
using Npgsql;
using ProtocolOcr.Api.Tests.Harness;
using ProtocolOcr.Infrastructure.Downstream.Consensus;

namespace ProtocolOcr.Api.Tests.Downstream;

[Collection(ServicesCollection.Name)]
public sealed class ConsensusTests(ServicesFixture services)
{
    [Fact]
    public async Task Two_agreeing_photos_verify_the_precinct_and_strengthen_each_value()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        var photos = await SeededElection.SeedAsync(environment);

        var row = await ResultAsync(environment, "101", "V6");

        Assert.Equal("verified", await StatusAsync(environment, "101"));
        Assert.Equal((400L, "ocr", 2), (row.Value, row.Source, row.AgreeingPhotos));
        Assert.Equal(0.99, row.Confidence, 6);
        Assert.Equal(new[] { photos.First101, photos.Second101 }.Order(), row.UploadIds.Order());
        Assert.Equal(0.95, (await ResultAsync(environment, "102", "V6")).Confidence, 6);
    }

    [Fact]
    public async Task Photos_that_disagree_send_the_precinct_to_review_naming_each_upload_and_value()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        var photos = await SeededElection.SeedAsync(environment);

        var row = await ResultAsync(environment, "103", "V6");

        Assert.Equal("needs_review", await StatusAsync(environment, "103"));
        Assert.Null(row.Value);
        Assert.Equal("disagreement", row.Source);
        Assert.Contains($"{{\"value\": 390, \"source\": \"ocr\", \"uploadId\": \"{photos.First103}\"}}", row.Disagreement, StringComparison.Ordinal);
        Assert.Contains($"{{\"value\": 890, \"source\": \"ocr\", \"uploadId\": \"{photos.Second103}\"}}", row.Disagreement, StringComparison.Ordinal);
        Assert.Equal(450, (await ResultAsync(environment, "103", "L6")).Value);
    }

    [Fact]
    public async Task An_operator_decision_wins_over_the_disagreeing_photo()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        var photos = await SeededElection.SeedAsync(environment);
        // The review desk decides the second photo: every reading kept except V6, which operators changed to 390.
        await ExecuteAsync(environment, """
            INSERT INTO final_fields (upload_id, field_id, value, source, decided_by, confirmed_by, decided_at)
            SELECT r.upload_id, f.field_id, CASE WHEN f.field_id = 'V6' THEN 390 ELSE f.value END,
                   CASE WHEN f.field_id = 'V6' THEN 'operator' ELSE 'ocr' END, 'op1', 'op2', now()
            FROM recognitions r JOIN fields f ON f.recognition_id = r.id WHERE r.upload_id = @upload
            """, new { upload = photos.Second103 });

        await SeededElection.Consensus(environment).RecomputeAsync(SeededElection.Precinct("103"), CancellationToken.None);
        var row = await ResultAsync(environment, "103", "V6");

        Assert.Equal("verified", await StatusAsync(environment, "103"));
        Assert.Equal((390L, "operator", 1.0), (row.Value, row.Source, row.Confidence));
        Assert.Equal(2, row.AgreeingPhotos);
        var kept = await ResultAsync(environment, "103", "L6");
        Assert.Equal((450L, "ocr", 2), (kept.Value, kept.Source, kept.AgreeingPhotos));
    }

    [Fact]
    public async Task Decided_values_of_two_photos_that_still_disagree_keep_the_precinct_in_review()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        var photos = await SeededElection.SeedAsync(environment);
        foreach (var (upload, v6) in new[] { (photos.First103, 390), (photos.Second103, 391) })
        {
            await ExecuteAsync(environment, """
                INSERT INTO final_fields (upload_id, field_id, value, source, decided_by, confirmed_by, decided_at)
                SELECT r.upload_id, f.field_id, CASE WHEN f.field_id = 'V6' THEN @v6 ELSE f.value END, 'operator', 'op1', 'op2', now()
                FROM recognitions r JOIN fields f ON f.recognition_id = r.id WHERE r.upload_id = @upload
                """, new { upload, v6 });
        }

        await SeededElection.Consensus(environment).RecomputeAsync(SeededElection.Precinct("103"), CancellationToken.None);

        Assert.Equal("needs_review", await StatusAsync(environment, "103"));
        Assert.Null((await ResultAsync(environment, "103", "V6")).Value);
    }

    [Fact]
    public async Task A_line_no_photo_could_read_leaves_the_precinct_incomplete_and_rejected_photos_do_not_count()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        await SeededElection.ImportReferenceDataAsync(environment);
        var precinct = SeededElection.Precinct("202");
        await ObserverPhotos.InsertAsync(environment, precinct, SeededElection.Values("102"), 0.9, fieldsNeedingReview: ["L5"]);
        await ObserverPhotos.InsertAsync(environment, precinct, SeededElection.Values("102", ("L5", 7)), 0.9, status: "rejected");

        var consensus = await SeededElection.Consensus(environment).RecomputeAsync(precinct, CancellationToken.None);

        Assert.NotNull(consensus);
        Assert.Equal(PrecinctStatus.Incomplete, consensus.Status);
        Assert.Single(consensus.UploadIds);
        Assert.DoesNotContain(consensus.Fields, f => f.FieldId == "L5");
        Assert.Equal(1, await environment.ScalarAsync("SELECT count(*) FROM precinct_status WHERE precinct = '202' AND status = 'incomplete'"));
    }

    [Fact]
    public async Task Recomputing_twice_leaves_the_same_single_result()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        await SeededElection.SeedAsync(environment);
        var service = SeededElection.Consensus(environment);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => service.RecomputeAsync(SeededElection.Precinct("101"), CancellationToken.None)));

        Assert.Equal(13, await environment.ScalarAsync("SELECT count(*) FROM precinct_results WHERE precinct = '101'"));
        Assert.Equal(1, await environment.ScalarAsync("SELECT count(*) FROM precinct_status WHERE precinct = '101'"));
    }

    private static async Task<string> StatusAsync(TestEnvironment environment, string precinct)
    {
        await using var connection = new NpgsqlConnection(environment.DatabaseConnectionString);
        return await connection.QuerySingleAsync<string>(
            "SELECT status FROM precinct_status WHERE election_id = 'test-2019' AND precinct = @precinct", new { precinct });
    }

    private static async Task<StoredResult> ResultAsync(TestEnvironment environment, string precinct, string field)
    {
        await using var connection = new NpgsqlConnection(environment.DatabaseConnectionString);
        return await connection.QuerySingleAsync<StoredResult>("""
            SELECT value, source, agreeing_photos AS AgreeingPhotos, confidence, upload_ids AS UploadIds, disagreement::text AS Disagreement
            FROM precinct_results WHERE election_id = 'test-2019' AND precinct = @precinct AND field_id = @field
            """, new { precinct, field });
    }

    private static async Task ExecuteAsync(TestEnvironment environment, string sql, object parameters)
    {
        await using var connection = new NpgsqlConnection(environment.DatabaseConnectionString);
        await connection.ExecuteAsync(sql, parameters);
    }

    /// <summary>Settable properties: Dapper cannot pass a uuid[] column to a record constructor.</summary>
    private sealed class StoredResult
    {
        public long? Value { get; init; }

        public string Source { get; init; } = "";

        public int AgreeingPhotos { get; init; }

        public double Confidence { get; init; }

        public Guid[] UploadIds { get; init; } = [];

        public string? Disagreement { get; init; }
    }
}
