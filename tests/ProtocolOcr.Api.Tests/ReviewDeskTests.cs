using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using ProtocolOcr.Api.Tests.Harness;

namespace ProtocolOcr.Api.Tests;

/// <summary>The review desk over HTTP against the real API and database: queue, claims, double entry, final values, audit.</summary>
[Collection(ServicesCollection.Name)]
public sealed class ReviewDeskTests(ServicesFixture services) : IAsyncLifetime
{
    private TestEnvironment _environment = null!;
    private ApiFactory _api = null!;
    private HttpClient _observer = null!;

    public async Task InitializeAsync()
    {
        _environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        _api = _environment.CreateApi();
        _observer = await _environment.CreateObserverClientAsync(_api, "Dana");
    }

    public async Task DisposeAsync()
    {
        _observer.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Queue_lists_flagged_protocols_oldest_first_and_filters_by_election_and_region()
    {
        var first = await FlaggedProtocol.CreateAsync(_environment, _observer, variant: 1);
        var second = await FlaggedProtocol.CreateAsync(_environment, _observer, variant: 2);
        using var operatorClient = await _environment.CreateStaffClientAsync(_api, "olga", "operator");

        var all = await operatorClient.GetStringAsync("/review");
        var otherElection = await operatorClient.GetStringAsync("/review?election=ru-uik");
        var otherRegion = await operatorClient.GetStringAsync("/review?region=Astana");

        Assert.True(all.IndexOf(first.UploadId.ToString(), StringComparison.Ordinal) < all.IndexOf(second.UploadId.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(first.UploadId.ToString(), otherElection, StringComparison.Ordinal);
        Assert.DoesNotContain(first.UploadId.ToString(), otherRegion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_is_final_only_after_a_second_operator_enters_the_same_value()
    {
        var protocol = await FlaggedProtocol.CreateAsync(_environment, _observer, variant: 3);
        using var olga = await _environment.CreateStaffClientAsync(_api, "olga", "operator");
        using var pavel = await _environment.CreateStaffClientAsync(_api, "pavel", "operator");
        var id = protocol.UploadId;

        var proposed = await olga.EnterAsync(id, FlaggedProtocol.MisreadField, protocol.TrueValue);
        var selfConfirm = await olga.EnterAsync(id, FlaggedProtocol.MisreadField, protocol.TrueValue);
        Assert.Equal("proposed", proposed.GetProperty("outcome").GetString());
        Assert.Equal("proposed", selfConfirm.GetProperty("outcome").GetString());
        Assert.Equal(0, await _environment.ScalarAsync("SELECT count(*) FROM final_fields WHERE upload_id = @id", new { id }));
        var pavelsPage = await pavel.OpenReviewAsync(id);
        Assert.DoesNotContain($"value=\"{protocol.TrueValue}\"", pavelsPage, StringComparison.Ordinal);

        var confirmed = await pavel.EnterAsync(id, FlaggedProtocol.MisreadField, protocol.TrueValue);

        Assert.Equal("confirmed", confirmed.GetProperty("outcome").GetString());
        Assert.True(confirmed.GetProperty("finalized").GetBoolean());
        Assert.Equal(1, await _environment.ScalarAsync(
            "SELECT count(*) FROM final_fields WHERE upload_id = @id AND field_id = 'L3' AND value = @value AND source = 'operator' " +
            "AND decided_by = 'olga' AND confirmed_by = 'pavel'", new { id, value = protocol.TrueValue }));
        Assert.Equal(protocol.Truth.Count - 1, await _environment.ScalarAsync(
            "SELECT count(*) FROM final_fields WHERE upload_id = @id AND source = 'ocr' AND confirmed_by IS NULL", new { id }));
        Assert.Equal(1, await _environment.ScalarAsync("SELECT count(*) FROM uploads WHERE id = @id AND status = 'accepted'", new { id }));
        // The precinct's result for downstream tools now carries the operators' value.
        Assert.Equal(1, await _environment.ScalarAsync(
            "SELECT count(*) FROM precinct_results p JOIN uploads u USING (election_id, region, precinct) " +
            "WHERE u.id = @id AND p.field_id = 'L3' AND p.value = @value AND p.source = 'operator'", new { id, value = protocol.TrueValue }));
        Assert.Equal(1, await _environment.ScalarAsync(
            "SELECT count(*) FROM audit_events WHERE entity_id = @id AND actor = 'olga' AND field_id = 'L3' AND old_value = @old " +
            "AND new_value = @new AND reason LIKE 'correction entered%'",
            new { id = id.ToString(), old = protocol.MisreadValue.ToString(), @new = protocol.TrueValue.ToString() }));
        Assert.Equal(1, await _environment.ScalarAsync(
            "SELECT count(*) FROM audit_events WHERE entity_id = @id AND actor = 'pavel' AND reason LIKE 'correction confirmed%'",
            new { id = id.ToString() }));
        Assert.Equal(1, await _environment.ScalarAsync(
            "SELECT count(*) FROM audit_events WHERE entity_id = @id AND reason LIKE 'review complete%'", new { id = id.ToString() }));
    }

    [Fact]
    public async Task A_second_entry_that_differs_becomes_a_new_proposal_for_a_third_operator()
    {
        var protocol = await FlaggedProtocol.CreateAsync(_environment, _observer, variant: 4);
        using var olga = await _environment.CreateStaffClientAsync(_api, "olga", "operator");
        using var pavel = await _environment.CreateStaffClientAsync(_api, "pavel", "operator");
        using var rustam = await _environment.CreateStaffClientAsync(_api, "rustam", "operator");
        var id = protocol.UploadId;

        await olga.EnterAsync(id, FlaggedProtocol.MisreadField, protocol.TrueValue + 1);
        var disagreed = await pavel.EnterAsync(id, FlaggedProtocol.MisreadField, protocol.TrueValue);
        var confirmed = await rustam.EnterAsync(id, FlaggedProtocol.MisreadField, protocol.TrueValue);

        Assert.Equal("disagreed", disagreed.GetProperty("outcome").GetString());
        Assert.Equal("confirmed", confirmed.GetProperty("outcome").GetString());
        Assert.Equal(1, await _environment.ScalarAsync(
            "SELECT count(*) FROM final_fields WHERE upload_id = @id AND field_id = 'L3' AND value = @value AND decided_by = 'pavel' " +
            "AND confirmed_by = 'rustam'", new { id, value = protocol.TrueValue }));
    }

    [Fact]
    public async Task Keeping_the_reading_is_final_at_once()
    {
        var protocol = await FlaggedProtocol.CreateAsync(_environment, _observer, variant: 5);
        using var olga = await _environment.CreateStaffClientAsync(_api, "olga", "operator");

        var kept = await olga.EnterAsync(protocol.UploadId, FlaggedProtocol.MisreadField, protocol.MisreadValue);

        Assert.Equal("kept", kept.GetProperty("outcome").GetString());
        Assert.True(kept.GetProperty("finalized").GetBoolean());
        Assert.Equal(1, await _environment.ScalarAsync(
            "SELECT count(*) FROM final_fields WHERE upload_id = @id AND field_id = 'L3' AND source = 'ocr' AND decided_by = 'olga'",
            new { id = protocol.UploadId }));
    }

    [Fact]
    public async Task An_upload_claimed_by_one_operator_refuses_entries_from_another()
    {
        var protocol = await FlaggedProtocol.CreateAsync(_environment, _observer, variant: 6);
        using var olga = await _environment.CreateStaffClientAsync(_api, "olga", "operator");
        using var pavel = await _environment.CreateStaffClientAsync(_api, "pavel", "operator");
        await olga.OpenReviewAsync(protocol.UploadId);

        var pavelsPage = await pavel.OpenReviewAsync(protocol.UploadId);
        using var refused = await pavel.PostReviewAsync(protocol.UploadId, "Enter",
            new { fieldId = FlaggedProtocol.MisreadField, value = protocol.TrueValue });

        Assert.Contains("olga is working on this protocol", pavelsPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("claimed_by_other", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.Contains("olga", await olga.GetStringAsync("/review"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relations_are_rechecked_with_the_operators_values()
    {
        var protocol = await FlaggedProtocol.CreateAsync(_environment, _observer, variant: 7);
        using var olga = await _environment.CreateStaffClientAsync(_api, "olga", "operator");
        var misread = protocol.Truth.ToDictionary(p => p.Key, p => (long?)p.Value);
        misread[FlaggedProtocol.MisreadField] = protocol.MisreadValue;

        using var withTruth = await olga.PostReviewAsync(protocol.UploadId, "Check", protocol.Truth);
        using var withMisread = await olga.PostReviewAsync(protocol.UploadId, "Check", misread);

        var truthChecks = Broken(await withTruth.Content.ReadAsStringAsync());
        var misreadChecks = Broken(await withMisread.Content.ReadAsStringAsync());
        var brokenByMisread = misreadChecks.Keys.Except(truthChecks.Keys).ToList();
        Assert.NotEmpty(brokenByMisread);
        Assert.All(brokenByMisread, relation => Assert.Contains("L3", misreadChecks[relation]));
    }

    /// <summary>The relations that do not hold, with the fields each involves.</summary>
    private static Dictionary<string, List<string?>> Broken(string checksJson) =>
        JsonDocument.Parse(checksJson).RootElement.EnumerateArray()
            .Where(c => c.GetProperty("holds").ValueKind == JsonValueKind.False)
            .ToDictionary(c => c.GetProperty("relationId").GetString()!,
                c => c.GetProperty("fieldIds").EnumerateArray().Select(f => f.GetString()).ToList());

    [Fact]
    public async Task Marking_a_photo_unusable_rejects_it_with_the_reason_and_audits_it()
    {
        var protocol = await FlaggedProtocol.CreateAsync(_environment, _observer, variant: 8);
        using var olga = await _environment.CreateStaffClientAsync(_api, "olga", "operator");
        var page = await olga.OpenReviewAsync(protocol.UploadId);

        using var response = await olga.PostAsync($"/review/{protocol.UploadId}?handler=Unusable", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["reason"] = "page cut off", ["__RequestVerificationToken"] = StaffClients.AntiforgeryToken(page) }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await _environment.ScalarAsync(
            "SELECT count(*) FROM uploads WHERE id = @id AND status = 'rejected' AND reason_code = 'unusable_photo' AND reason_message = 'page cut off'",
            new { id = protocol.UploadId }));
        Assert.Equal(1, await _environment.ScalarAsync(
            "SELECT count(*) FROM audit_events WHERE entity_id = @id AND actor = 'olga' AND reason = 'marked unusable: page cut off'",
            new { id = protocol.UploadId.ToString() }));
    }

    [Fact]
    public async Task Entries_without_the_antiforgery_token_are_refused()
    {
        var protocol = await FlaggedProtocol.CreateAsync(_environment, _observer, variant: 9);
        using var olga = await _environment.CreateStaffClientAsync(_api, "olga", "operator");
        await olga.OpenReviewAsync(protocol.UploadId);

        using var response = await olga.PostAsync($"/review/{protocol.UploadId}?handler=Enter",
            System.Net.Http.Json.JsonContent.Create(new { fieldId = "L3", value = protocol.TrueValue }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _environment.ScalarAsync("SELECT count(*) FROM review_entries"));
    }

    [Fact]
    public async Task Analysts_and_observers_cannot_open_the_review_desk()
    {
        var protocol = await FlaggedProtocol.CreateAsync(_environment, _observer, variant: 10);
        using var analyst = await _environment.CreateStaffClientAsync(_api, "anna", "analyst");

        using var analystAnswer = await analyst.GetAsync($"/review/{protocol.UploadId}");
        using var observerAnswer = await _observer.GetAsync("/review");

        Assert.Equal(HttpStatusCode.Redirect, analystAnswer.StatusCode);
        Assert.StartsWith("/account/denied", analystAnswer.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, observerAnswer.StatusCode);
    }

    [Fact]
    public async Task A_hostile_observer_note_is_shown_as_text()
    {
        const string hostile = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";
        var protocol = await FlaggedProtocol.CreateAsync(_environment, _observer, variant: 11, note: hostile);
        using var olga = await _environment.CreateStaffClientAsync(_api, "olga", "operator");

        var page = await olga.OpenReviewAsync(protocol.UploadId);

        Assert.DoesNotContain("<script>window.pwned", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;window.pwned=1&lt;/script&gt;", page, StringComparison.Ordinal);
    }
}
