using System.Text.Json;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using ProtocolOcr.Api.Tests.Harness;
using ProtocolOcr.Infrastructure.Jobs;

namespace ProtocolOcr.Api.Tests;

/// <summary>Upload through the API, processing by the real worker process, results through the API.</summary>
[Collection(ServicesCollection.Name)]
public sealed class WorkerEndToEndTests(ServicesFixture services) : IAsyncLifetime
{
    private TestEnvironment _environment = null!;
    private ApiFactory _api = null!;
    private HttpClient _client = null!;
    private WorkerProcess _worker = null!;

    public async Task InitializeAsync()
    {
        _environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        _api = _environment.CreateApi();
        _client = await _environment.CreateObserverClientAsync(_api);
        _worker = WorkerProcess.Start(_environment);
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        _client.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Protocol_photo_is_read_by_the_worker_and_the_status_shows_its_fields()
    {
        var (photo, values) = ProtocolPhotos.Kazakh2019(variant: 1);

        var id = await _client.UploadAsync(photo);
        var status = await _client.WaitUntilFinishedAsync(id, _worker);

        Assert.Contains(status.GetProperty("status").GetString(), new[] { "accepted", "needs_review" });
        var recognition = status.GetProperty("recognition");
        Assert.Equal("kz.president.2019", recognition.GetProperty("formId").GetString());
        var fields = recognition.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(ProtocolPhotos.Form.Fields.Count(f => values.ContainsKey(f.Id)), fields.Count);
        Assert.All(fields.Where(f => f.GetProperty("status").GetString() == "accepted"),
            field => Assert.Equal(values[field.GetProperty("fieldId").GetString()!], field.GetProperty("value").GetInt64()));
        Assert.Equal(1, await _environment.RecognitionsForAsync(id));
        Assert.Equal(fields.Count, await _environment.ScalarAsync(
            "SELECT count(*) FROM fields f JOIN recognitions r ON r.id = f.recognition_id WHERE r.upload_id = @id", new { id }));
        var alignedKey = $"aligned/{id}/{recognition.GetProperty("pipelineVersion").GetString()}.jpg";
        Assert.Equal(1, await _environment.ScalarAsync(
            "SELECT count(*) FROM recognitions WHERE upload_id = @id AND aligned_page_key = @alignedKey", new { id, alignedKey }));
        Assert.Equal([0xFF, 0xD8], (await _environment.ReadBlobByKeyAsync(alignedKey))[..2]);
        var expectedFinal = status.GetProperty("status").GetString() == "accepted" ? fields.Count : 0;
        Assert.Equal(expectedFinal, await _environment.ScalarAsync(
            "SELECT count(*) FROM final_fields WHERE upload_id = @id AND source = 'ocr'", new { id }));
        // The precinct's consensus is recomputed after the upload's status is written, within the same job.
        await WaitForJobStateAsync(id, "Succeeded");
        // The worker recomputed the precinct's consensus: one final value per accepted field, from this upload.
        Assert.Equal(1, await _environment.ScalarAsync(
            "SELECT count(*) FROM precinct_status s JOIN uploads u USING (election_id, region, precinct) WHERE u.id = @id AND @id = ANY(s.upload_ids)",
            new { id }));
        Assert.Equal(fields.Count(f => f.GetProperty("status").GetString() == "accepted" && f.GetProperty("value").ValueKind == JsonValueKind.Number),
            await _environment.ScalarAsync(
                "SELECT count(*) FROM precinct_results p JOIN uploads u USING (election_id, region, precinct) WHERE u.id = @id AND p.value IS NOT NULL",
                new { id }));
    }

    [Fact]
    public async Task Photo_that_is_not_a_protocol_ends_rejected_with_a_reason_and_is_not_retried()
    {
        var id = await _client.UploadAsync(TestPhotos.Jpeg("a cat, not a protocol", 1600, 1200));

        var status = await _client.WaitUntilFinishedAsync(id, _worker);

        Assert.Equal("rejected", status.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(status.GetProperty("reason").GetProperty("code").GetString()));
        await WaitForJobStateAsync(id, "Succeeded");
        Assert.Equal(1, await _environment.ScalarAsync("SELECT attempts FROM uploads WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task Election_whose_form_is_not_installed_ends_rejected_unknown_form()
    {
        await _environment.ScalarAsync(
            "INSERT INTO elections (id, form_id, title) VALUES ('test-no-form', 'no.such.form', 'test') RETURNING 1");

        var id = await _client.UploadAsync(TestPhotos.Jpeg("no form"), electionId: "test-no-form");
        var status = await _client.WaitUntilFinishedAsync(id, _worker);

        Assert.Equal("rejected", status.GetProperty("status").GetString());
        Assert.Equal("unknown_form", status.GetProperty("reason").GetProperty("code").GetString());
        Assert.Equal(0, await _environment.RecognitionsForAsync(id));
    }

    [Fact]
    public async Task Job_that_runs_twice_leaves_one_recognition()
    {
        var (photo, _) = ProtocolPhotos.Kazakh2019(variant: 2);
        var id = await _client.UploadAsync(photo);
        var first = await _client.WaitUntilFinishedAsync(id, _worker);

        // As if the job were delivered again after it had finished (e.g. its completion was lost).
        await _environment.ScalarAsync("UPDATE uploads SET status = 'queued' WHERE id = @id RETURNING 1", new { id });
        EnqueueAgain(id);
        await Eventually.HoldsAsync(
            async () => await _environment.ScalarAsync("SELECT attempts FROM uploads WHERE id = @id", new { id }) == 2,
            TimeSpan.FromMinutes(2), () => "the second run did not start; worker output:\n" + _worker.Output);
        var second = await _client.WaitUntilFinishedAsync(id, _worker);

        Assert.Equal(first.GetProperty("status").GetString(), second.GetProperty("status").GetString());
        Assert.Equal(1, await _environment.RecognitionsForAsync(id));
        Assert.Equal(
            first.GetProperty("recognition").GetProperty("fields").GetRawText(),
            second.GetProperty("recognition").GetProperty("fields").GetRawText());
    }

    private void EnqueueAgain(Guid id)
    {
        var options = HangfireStorageSettings.Create(new JobOptions());
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(_environment.DatabaseConnectionString, options), options);
        new BackgroundJobClient(storage).Enqueue<IProcessUploadJob>(job => job.RunAsync(id, CancellationToken.None));
    }

    private Task WaitForJobStateAsync(Guid id, string state) => Eventually.HoldsAsync(
        async () => await _environment.ScalarAsync(
            "SELECT count(*) FROM hangfire.job WHERE arguments::text LIKE @pattern AND statename = @state",
            new { pattern = $"%{id}%", state }) == 1,
        TimeSpan.FromMinutes(1), () => $"job of {id} never reached {state}; worker output:\n{_worker.Output}");
}
