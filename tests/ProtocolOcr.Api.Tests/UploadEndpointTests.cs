using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProtocolOcr.Api.Tests.Harness;

namespace ProtocolOcr.Api.Tests;

/// <summary>The drop endpoint against real PostgreSQL, Azurite and Hangfire storage (no worker running).</summary>
[Collection(ServicesCollection.Name)]
public sealed class UploadEndpointTests(ServicesFixture services) : ObserverApiTests(services)
{
    [Fact]
    public async Task Upload_stores_original_row_and_one_job_then_answers_202_with_receipt()
    {
        var photo = TestPhotos.Jpeg(nameof(Upload_stores_original_row_and_one_job_then_answers_202_with_receipt));

        using var response = await Client.PostAsync("/api/uploads", UploadForm.Create(photo, note: "copy 2"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = receipt.GetProperty("id").GetGuid();
        var sha256 = receipt.GetProperty("sha256").GetString()!;
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(photo)), sha256);
        Assert.Equal($"/api/uploads/{id}", receipt.GetProperty("statusUrl").GetString());
        Assert.Equal($"/api/uploads/{id}", response.Headers.Location?.OriginalString);
        Assert.True(receipt.GetProperty("receivedAt").GetDateTime() > DateTime.UtcNow.AddHours(-1));
        Assert.Equal(photo, await Environment.ReadBlobAsync(sha256));
        Assert.Equal(1, await Environment.ScalarAsync(
            "SELECT count(*) FROM uploads WHERE id = @id AND status = 'queued' AND format = 'jpeg' AND pixel_width = 480 " +
            "AND pixel_height = 320 AND region = 'Almaty' AND precinct = '123' AND note = 'copy 2'", new { id }));
        Assert.Equal(1, await Environment.JobsForAsync(id));
        Assert.Equal(1, await Environment.ScalarAsync(
            "SELECT count(*) FROM audit_events WHERE entity = 'upload' AND entity_id = @id", new { id = id.ToString() }));
    }

    [Fact]
    public async Task Same_photo_twice_returns_the_same_receipt_with_one_row_and_one_job()
    {
        var photo = TestPhotos.Png(nameof(Same_photo_twice_returns_the_same_receipt_with_one_row_and_one_job));

        using var first = await Client.PostAsync("/api/uploads", UploadForm.Create(photo));
        using var second = await Client.PostAsync("/api/uploads", UploadForm.Create(photo, precinct: "999"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(1, await Environment.ScalarAsync("SELECT count(*) FROM uploads WHERE id = @id", new { id }));
        Assert.Equal(1, await Environment.JobsForAsync(id));
    }

    [Fact]
    public async Task Concurrent_duplicates_all_get_the_winner_receipt_and_leave_one_row_and_one_job()
    {
        var photo = TestPhotos.Jpeg(nameof(Concurrent_duplicates_all_get_the_winner_receipt_and_leave_one_row_and_one_job));

        var responses = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(_ => Client.PostAsync("/api/uploads", UploadForm.Create(photo))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        var id = JsonDocument.Parse(bodies[0]).RootElement.GetProperty("id").GetGuid();
        Assert.Equal(1, await Environment.ScalarAsync("SELECT count(*) FROM uploads WHERE id = @id", new { id }));
        Assert.Equal(1, await Environment.JobsForAsync(id));
    }

    public static TheoryData<string, int, string> BadPhotos => new()
    {
        { "empty", 422, "empty_file" },
        { "html", 415, "unsupported_media_type" },
        { "zip", 415, "unsupported_media_type" },
        { "truncated-jpeg", 422, "truncated_image" },
        { "truncated-png", 422, "truncated_image" },
        { "png-60000x60000", 422, "image_too_large" },
        { "png-30000x100", 422, "image_too_large" },
        { "png-0x0", 422, "unreadable_image" },
    };

    [Theory]
    [MemberData(nameof(BadPhotos))]
    public async Task Bad_photo_gets_its_status_and_reason_and_leaves_nothing_behind(string kind, int status, string code)
    {
        var photo = kind switch
        {
            "empty" => [],
            "html" => TestPhotos.Html(),
            "zip" => TestPhotos.Zip(),
            "truncated-jpeg" => TestPhotos.Truncated(TestPhotos.Jpeg(kind)),
            "truncated-png" => TestPhotos.Truncated(TestPhotos.Png(kind)),
            "png-60000x60000" => TestPhotos.PngHeader(60000, 60000),
            "png-30000x100" => TestPhotos.PngHeader(30000, 100),
            "png-0x0" => TestPhotos.PngHeader(0, 0),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var rowsBefore = await Environment.UploadRowsAsync();
        var jobsBefore = await Environment.JobsAsync();
        var blobsBefore = await Environment.BlobCountAsync();

        using var response = await Client.PostAsync("/api/uploads", UploadForm.Create(photo));

        await AssertErrorAsync(response, status, code);
        Assert.Equal(rowsBefore, await Environment.UploadRowsAsync());
        Assert.Equal(jobsBefore, await Environment.JobsAsync());
        Assert.Equal(blobsBefore, await Environment.BlobCountAsync());
    }

    [Fact]
    public async Task Unknown_election_is_422_and_leaves_nothing_behind()
    {
        var blobsBefore = await Environment.BlobCountAsync();

        using var response = await Client.PostAsync("/api/uploads",
            UploadForm.Create(TestPhotos.Jpeg("unknown election"), electionId: "mars-2030"));

        await AssertErrorAsync(response, 422, "unknown_election");
        Assert.Equal(0, await Environment.ScalarAsync("SELECT count(*) FROM uploads WHERE election_id = 'mars-2030'"));
        Assert.Equal(blobsBefore, await Environment.BlobCountAsync());
    }

    [Fact]
    public async Task Missing_precinct_is_400_missing_field()
    {
        using var response = await Client.PostAsync("/api/uploads",
            UploadForm.Create(TestPhotos.Jpeg("no precinct"), precinct: null));

        await AssertErrorAsync(response, 400, "missing_field");
    }

    [Fact]
    public async Task Body_that_is_not_multipart_is_400()
    {
        using var response = await Client.PostAsync("/api/uploads", new ByteArrayContent(TestPhotos.Jpeg("raw body")));

        await AssertErrorAsync(response, 400, "not_multipart");
    }

    [Fact]
    public async Task Photo_over_the_size_limit_is_413_and_leaves_nothing_behind()
    {
        await using var api = Environment.CreateApi(new Dictionary<string, string> { ["Uploads:MaxBytes"] = "20000" });
        using var client = await Environment.CreateObserverClientAsync(api);
        var photo = TestPhotos.NoisePng(200, 100);
        Assert.True(photo.Length > 20000);
        var rowsBefore = await Environment.UploadRowsAsync();

        using var response = await client.PostAsync("/api/uploads", UploadForm.Create(photo));

        await AssertErrorAsync(response, 413, "file_too_large");
        Assert.Equal(rowsBefore, await Environment.UploadRowsAsync());
    }

    [Fact]
    public async Task Status_of_a_new_upload_is_queued_without_recognition()
    {
        using var upload = await Client.PostAsync("/api/uploads", UploadForm.Create(TestPhotos.Jpeg("status queued")));
        var statusUrl = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusUrl").GetString();

        var status = await Client.GetFromJsonAsync<JsonElement>(statusUrl);

        Assert.Equal("queued", status.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("recognition").ValueKind);
        Assert.Equal(JsonValueKind.Null, status.GetProperty("reason").ValueKind);
    }

    [Fact]
    public async Task Status_of_an_unknown_upload_is_404()
    {
        using var response = await Client.GetAsync($"/api/uploads/{Guid.NewGuid()}");

        await AssertErrorAsync(response, 404, "upload_not_found");
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, int status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        var error = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, error.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }
}
