using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ProtocolOcr.Api.Tests.Harness;

namespace ProtocolOcr.Api.Tests;

/// <summary>
/// Hostile uploads against the real API process on a real socket: the committed corpus (testimages/hostile) and the
/// requests too large or too odd to commit. Each gets its 4xx and reason code, nothing is stored, and the API's peak
/// resident memory stays under a bound far below what any of these inputs would cost if it were decoded or buffered.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class HostileInputTests(ServicesFixture services) : IAsyncLifetime
{
    /// <summary>
    /// A fresh API process peaks near 150 MB here; a 200 MB body buffered, or the 20000x20000 PNG decoded
    /// (1.2 GB), would cross this bound.
    /// </summary>
    private const double ApiMemoryBoundMegabytes = 350;

    private static readonly string CorpusDirectory = Path.Combine(RepositoryPaths.Root, "testimages", "hostile");
    private TestEnvironment _environment = null!;
    private ApiProcess _api = null!;
    private HttpClient _client = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        // The per-token rate limit is not what these tests are about: one token sends the whole corpus.
        _api = await ApiProcess.StartAsync(_environment, new Dictionary<string, string> { ["Security:UploadsPerWindow"] = "100000" });
        _token = (await _environment.IssueObserverTokenAsync()).Token;
        _client = _api.CreateClient();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Every_file_of_the_hostile_corpus_gets_its_status_and_reason_and_nothing_is_stored()
    {
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(CorpusDirectory, "manifest.json")));
        var entries = manifest.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.True(entries.Count >= 30, $"the corpus has {entries.Count} files");
        var failures = new List<string>();

        foreach (var entry in entries)
        {
            var file = entry.GetProperty("file").GetString()!;
            var photo = await File.ReadAllBytesAsync(Path.Combine(CorpusDirectory, file));
            using var response = await _client.PostAsync("/api/uploads", UploadForm.Create(photo, fileName: file));
            var problem = await ProblemWithAsync(response, entry.GetProperty("status").GetInt32(), entry.GetProperty("reason").GetString()!);
            if (problem is not null)
            {
                failures.Add($"{file} ({entry.GetProperty("what").GetString()}): {problem}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        await AssertNothingStoredAsync();
        AssertMemoryBounded();
    }

    [Fact]
    public async Task Hostile_requests_get_their_status_and_reason_and_nothing_is_stored()
    {
        var failures = new List<string>();
        foreach (var (name, send, status, reason) in HostileRequests())
        {
            try
            {
                var (answeredStatus, body) = await send();
                if (Problem(answeredStatus, body, status, reason) is { } problem)
                {
                    failures.Add($"{name}: {problem}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                failures.Add($"{name}: no answer ({e.Message})");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.False(_api.HasExited, "the API process died:\n" + _api.Output);
        await AssertNothingStoredAsync();
        AssertMemoryBounded();
    }

    [Fact]
    public async Task Hostile_file_names_are_ignored_the_photo_is_stored_only_under_its_hash()
    {
        string[] names =
        [
            "../../../../etc/passwd", "..\\..\\..\\windows\\system32\\config\\sam", "/dev/zero", "photo.php;.jpg",
            "originals/" + new string('a', 64), new string('x', 4000) + ".jpg", "%2e%2e%2f%2e%2e%2fetc%2fshadow",
        ];
        var expectedKeys = new List<string>();

        for (var i = 0; i < names.Length; i++)
        {
            var photo = TestPhotos.Jpeg($"file name {i}");
            using var response = await _client.PostAsync("/api/uploads",
                new RawMultipart().File("photo", names[i], photo).Text("electionId", UploadForm.Election)
                    .Text("region", "Almaty").Text("precinct", "7").Build());
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{names[i][..Math.Min(40, names[i].Length)]}: {body}");
            var sha256 = JsonDocument.Parse(body).RootElement.GetProperty("sha256").GetString()!;
            expectedKeys.Add($"originals/{sha256}");
            Assert.Equal(photo, await _environment.ReadBlobAsync(sha256));
        }

        Assert.Equal(expectedKeys.Count, await _environment.BlobCountAsync());
        Assert.Equal(expectedKeys.Count, await _environment.ScalarAsync(
            "SELECT count(*) FROM uploads WHERE blob_key = 'originals/' || sha256"));
        AssertMemoryBounded();
    }

    [Fact]
    public async Task Sql_injection_in_every_field_and_query_parameter_is_stored_as_text_or_refused_and_changes_nothing()
    {
        string[] payloads =
        [
            "' OR '1'='1", "'; DROP TABLE uploads; --", "1); DELETE FROM audit_events; --", "$$; DROP TABLE elections; $$",
            "\\'; SELECT pg_sleep(30); --", "kz-2019-president' --", "1 UNION SELECT sha256 FROM uploads",
        ];
        var accepted = new List<Guid>();
        var elections = await _environment.ScalarAsync("SELECT count(*) FROM elections");

        for (var i = 0; i < payloads.Length; i++)
        {
            var payload = payloads[i];
            using (var election = await _client.PostAsync("/api/uploads", UploadForm.Create(TestPhotos.Jpeg($"sql e{i}"), electionId: payload)))
            {
                Assert.Null(await ProblemWithAsync(election, 422, "unknown_election"));
            }

            using var stored = await _client.PostAsync("/api/uploads",
                UploadForm.Create(TestPhotos.Jpeg($"sql {i}"), region: payload, precinct: payload[..Math.Min(32, payload.Length)], note: payload));
            var body = await stored.Content.ReadAsStringAsync();
            Assert.True(stored.StatusCode == HttpStatusCode.Accepted, body);
            var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
            accepted.Add(id);
            Assert.Equal(1, await _environment.ScalarAsync(
                "SELECT count(*) FROM uploads WHERE id = @id AND region = @payload AND note = @payload", new { id, payload }));

            var escaped = Uri.EscapeDataString(payload);
            using var byId = await _client.GetAsync($"/api/uploads/{escaped}");
            Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
            using var withQuery = await _client.GetAsync(
                $"/api/uploads/{id}?id={escaped}&electionId={escaped}&status={escaped}&precinct={escaped}&sort={escaped}");
            Assert.Equal(HttpStatusCode.OK, withQuery.StatusCode);
            Assert.Equal(id, JsonDocument.Parse(await withQuery.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid());
        }

        Assert.Equal(accepted.Count, await _environment.UploadRowsAsync());
        Assert.Equal(accepted.Count, await _environment.JobsAsync());
        Assert.Equal(elections, await _environment.ScalarAsync("SELECT count(*) FROM elections"));
        Assert.Equal(accepted.Count, await _environment.ScalarAsync("SELECT count(*) FROM audit_events WHERE entity = 'upload'"));
    }

    private IEnumerable<(string Name, Func<Task<(int Status, string Body)>> Send, int Status, string Reason)> HostileRequests()
    {
        const long twoHundredMegabytes = 200L * 1024 * 1024;
        var photo = TestPhotos.Jpeg("hostile request");
        var partHeader = Encoding.ASCII.GetBytes(
            $"--{RawMultipart.Boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"big.jpg\"\r\n\r\n");
        var partEnd = Encoding.ASCII.GetBytes($"\r\n--{RawMultipart.Boundary}--\r\n");

        foreach (var chunked in new[] { false, true })
        {
            yield return ($"200 MB body, {(chunked ? "chunked" : "with Content-Length")}", () => RawHttpExchange.PostAsync(
                _api.Address, "/api/uploads", _token, $"multipart/form-data; boundary={RawMultipart.Boundary}",
                new LargeBodyContent([.. partHeader, 0xFF, 0xD8, 0xFF], twoHundredMegabytes, partEnd, chunked), chunked),
                413, "file_too_large");
        }

        yield return ("JPEG header declaring 60000x60000", () => Post(UploadForm.Create(JpegHeader(60000, 60000))),
            422, "image_too_large");
        yield return ("JPEG with 2.5 MB of EXIF", () => Post(UploadForm.Create(WithExifPadding(photo, 40))),
            422, "metadata_too_large");
        yield return ("multipart with 1,000 text parts", () => Post(ManyParts(photo, 999, file: false)), 400, "malformed_multipart");
        yield return ("multipart with 1,000 file parts", () => Post(ManyParts(photo, 999, file: true)), 400, "malformed_multipart");
        yield return ("multipart without its closing boundary", () => Post(RawMultipart.ValidForm(photo).Build(closed: false)),
            400, "malformed_multipart");
        yield return ("multipart without a boundary", () => Post(WithContentType(RawMultipart.ValidForm(photo).Build(),
            "multipart/form-data")), 400, "malformed_multipart");
        yield return ("multipart boundary of 200 characters", () => Post(WithContentType(RawMultipart.ValidForm(photo).Build(),
            "multipart/form-data; boundary=" + new string('b', 200))), 400, "malformed_multipart");
        yield return ("part header of 40 KB", () => Post(new RawMultipart().File("photo", new string('n', 40_000), photo)
            .Text("electionId", UploadForm.Election).Text("region", "Almaty").Text("precinct", "1").Build()), 400, "malformed_multipart");
        yield return ("region of 10,000 characters", () => Post(UploadForm.Create(photo, region: new string('r', 10_000))),
            422, "invalid_field");
        yield return ("electionId of 10,000 characters", () => Post(UploadForm.Create(photo, electionId: new string('e', 10_000))),
            422, "invalid_field");
        yield return ("note of 100,000 characters", () => Post(UploadForm.Create(photo, note: new string('n', 100_000))),
            422, "invalid_field");
        yield return ("region in Latin-1, not UTF-8", () => Post(FormWithRawField(photo, "region", Encoding.Latin1.GetBytes("Almaty ÷ Ýé"))),
            422, "invalid_field");
        yield return ("precinct with bytes 0xFF 0xFE", () => Post(FormWithRawField(photo, "precinct", [0x31, 0xFF, 0xFE, 0x32])),
            422, "invalid_field");
        yield return ("precinct with a NUL byte", () => Post(FormWithRawField(photo, "precinct", "12\03"u8.ToArray())),
            422, "invalid_field");
        yield return ("note with an escape sequence", () => Post(UploadForm.Create(photo, note: "ok\u001b[2J")), 422, "invalid_field");
        yield return ("path traversal as electionId", () => Post(UploadForm.Create(photo, electionId: "../../../etc/passwd")),
            422, "unknown_election");
    }

    private async Task<(int Status, string Body)> Post(HttpContent content)
    {
        using (content)
        using (var response = await _client.PostAsync("/api/uploads", content))
        {
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    private static HttpContent WithContentType(HttpContent content, string contentType)
    {
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static HttpContent ManyParts(byte[] photo, int extra, bool file)
    {
        var form = RawMultipart.ValidForm(photo);
        for (var i = 0; i < extra; i++)
        {
            form = file ? form.File($"extra{i}", $"x{i}.jpg", [0xFF]) : form.Text($"extra{i}", "x");
        }

        return form.Build();
    }

    private static HttpContent FormWithRawField(byte[] photo, string field, byte[] value)
    {
        var form = new RawMultipart().File("photo", "photo.jpg", photo).Text("electionId", UploadForm.Election);
        foreach (var name in new[] { "region", "precinct" })
        {
            form = name == field ? form.Text(name, value) : form.Text(name, "1");
        }

        return form.Build();
    }

    /// <summary>A complete JPEG structure (SOI, SOF0, SOS, EOI) declaring a size, without pixel data.</summary>
    private static byte[] JpegHeader(ushort width, ushort height)
    {
        var frame = new byte[] { 0xFF, 0xC0, 0, 11, 8, 0, 0, 0, 0, 1, 1, 0x11, 0 };
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(5), height);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(7), width);
        return [0xFF, 0xD8, .. frame, 0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0, 0, 0xFF, 0xD9];
    }

    /// <summary>A real JPEG with <paramref name="segments"/> maximal APP1 (EXIF) segments inserted after its SOI.</summary>
    private static byte[] WithExifPadding(byte[] jpeg, int segments)
    {
        var segment = new byte[65537];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), 65535);
        "Exif\0\0"u8.CopyTo(segment.AsSpan(4));
        return [.. jpeg[..2], .. Enumerable.Repeat(segment, segments).SelectMany(s => s), .. jpeg[2..]];
    }

    private static async Task<string?> ProblemWithAsync(HttpResponseMessage response, int status, string reason) =>
        Problem((int)response.StatusCode, await response.Content.ReadAsStringAsync(), status, reason);

    private static string? Problem(int answeredStatus, string body, int status, string reason)
    {
        if (answeredStatus != status)
        {
            return $"expected {status} {reason}, got {answeredStatus}: {Shorten(body)}";
        }

        try
        {
            var error = JsonDocument.Parse(body).RootElement;
            var code = error.GetProperty("error").GetString();
            return code == reason && !string.IsNullOrWhiteSpace(error.GetProperty("message").GetString())
                ? null
                : $"expected reason {reason}, got: {Shorten(body)}";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"expected a JSON error body with reason {reason}, got: {Shorten(body)}";
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";

    private async Task AssertNothingStoredAsync()
    {
        Assert.Equal(0, await _environment.UploadRowsAsync());
        Assert.Equal(0, await _environment.JobsAsync());
        Assert.Equal(0, await _environment.BlobCountAsync());
        Assert.Equal(0, await _environment.ScalarAsync("SELECT count(*) FROM audit_events WHERE entity = 'upload'"));
    }

    private void AssertMemoryBounded()
    {
        var peak = _api.PeakMemoryMegabytes;
        Assert.True(peak < ApiMemoryBoundMegabytes, $"the API peaked at {peak:F0} MB (bound {ApiMemoryBoundMegabytes} MB)");
    }
}
