using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using ProtocolOcr.Api.Tests.Harness;

namespace ProtocolOcr.Api.Tests;

/// <summary>Tokens, roles, sign-in throttling and the upload rate limit against the real API and database.</summary>
[Collection(ServicesCollection.Name)]
public sealed class SecurityTests(ServicesFixture services) : IAsyncLifetime
{
    private TestEnvironment _environment = null!;
    private ApiFactory _api = null!;

    public async Task InitializeAsync()
    {
        _environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        _api = _environment.CreateApi();
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Upload_without_a_token_is_401_missing_token_and_stores_nothing()
    {
        using var client = _api.CreateClient();

        using var response = await client.PostAsync("/api/uploads", UploadForm.Create(TestPhotos.Jpeg("no token")));

        await AssertErrorAsync(response, 401, "missing_token");
        Assert.Equal(0, await _environment.UploadRowsAsync());
        Assert.Equal(0, await _environment.BlobCountAsync());
    }

    [Fact]
    public async Task Upload_with_an_unknown_token_is_401_invalid_token()
    {
        using var client = _api.CreateObserverClient("pot_not-a-real-token");

        using var response = await client.PostAsync("/api/uploads", UploadForm.Create(TestPhotos.Jpeg("bad token")));

        await AssertErrorAsync(response, 401, "invalid_token");
    }

    [Fact]
    public async Task Upload_with_a_revoked_token_is_401_revoked_token()
    {
        var token = await _environment.IssueObserverTokenAsync("Dana");
        using var client = _api.CreateObserverClient(token.Token);
        using (var before = await client.PostAsync("/api/uploads", UploadForm.Create(TestPhotos.Jpeg("before revoke"))))
        {
            Assert.Equal(HttpStatusCode.Accepted, before.StatusCode);
        }

        await _environment.RevokeObserverTokenAsync(token.Id);
        using var response = await client.PostAsync("/api/uploads", UploadForm.Create(TestPhotos.Jpeg("after revoke")));

        await AssertErrorAsync(response, 401, "revoked_token");
        Assert.Equal(1, await _environment.UploadRowsAsync());
    }

    [Fact]
    public async Task Only_the_token_hash_is_stored()
    {
        var token = await _environment.IssueObserverTokenAsync("Erlan");

        Assert.Equal(0, await _environment.ScalarAsync(
            "SELECT count(*) FROM observer_tokens WHERE token_sha256 = @t OR observer_name = @t", new { t = token.Token }));
        Assert.Equal(1, await _environment.ScalarAsync(
            "SELECT count(*) FROM observer_tokens WHERE token_sha256 = encode(sha256(convert_to(@t, 'UTF8')), 'hex')",
            new { t = token.Token }));
    }

    [Fact]
    public async Task Upload_row_records_the_token_and_the_observer_who_sent_it()
    {
        var token = await _environment.IssueObserverTokenAsync("Aigerim");
        using var client = _api.CreateObserverClient(token.Token);

        var id = await client.UploadAsync(TestPhotos.Jpeg("who sent it"));

        Assert.Equal(1, await _environment.ScalarAsync(
            "SELECT count(*) FROM uploads WHERE id = @id AND observer_token_id = @tokenId AND submitted_by = 'Aigerim'",
            new { id, tokenId = token.Id }));
        Assert.Equal(1, await _environment.ScalarAsync(
            "SELECT count(*) FROM audit_events WHERE entity = 'upload' AND entity_id = @id AND actor = 'Aigerim'",
            new { id = id.ToString() }));
    }

    [Fact]
    public async Task Operator_may_not_upload_but_admin_may()
    {
        using var operatorClient = await _environment.CreateStaffClientAsync(_api, "olga", "operator");
        using var adminClient = await _environment.CreateStaffClientAsync(_api, "root", "admin");

        using var refused = await operatorClient.PostAsync("/api/uploads", UploadForm.Create(TestPhotos.Jpeg("operator upload")));
        var id = await adminClient.UploadAsync(TestPhotos.Jpeg("admin upload"));

        await AssertErrorAsync(refused, 403, "forbidden");
        Assert.Equal(1, await _environment.ScalarAsync(
            "SELECT count(*) FROM uploads WHERE id = @id AND observer_token_id IS NULL AND submitted_by = 'root'", new { id }));
    }

    [Fact]
    public async Task Observer_reads_own_upload_but_not_another_observers_while_staff_read_both()
    {
        using var aigerim = await _environment.CreateObserverClientAsync(_api, "Aigerim");
        using var bolat = await _environment.CreateObserverClientAsync(_api, "Bolat");
        using var aigerimSecondPhone = await _environment.CreateObserverClientAsync(_api, "Aigerim");
        using var analyst = await _environment.CreateStaffClientAsync(_api, "anna", "analyst");
        var id = await aigerim.UploadAsync(TestPhotos.Jpeg("aigerim's photo"));

        using var own = await aigerim.GetAsync($"/api/uploads/{id}");
        using var ownOtherToken = await aigerimSecondPhone.GetAsync($"/api/uploads/{id}");
        using var other = await bolat.GetAsync($"/api/uploads/{id}");
        using var staff = await analyst.GetAsync($"/api/uploads/{id}");
        using var anonymous = await _api.CreateClient().GetAsync($"/api/uploads/{id}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownOtherToken.StatusCode);
        await AssertErrorAsync(other, 404, "upload_not_found");
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        await AssertErrorAsync(anonymous, 401, "missing_token");
    }

    [Fact]
    public async Task Observer_who_sends_a_photo_already_stored_gets_its_receipt_and_may_read_it_while_others_still_may_not()
    {
        using var aigerim = await _environment.CreateObserverClientAsync(_api, "Aigerim");
        using var bolat = await _environment.CreateObserverClientAsync(_api, "Bolat");
        using var dana = await _environment.CreateObserverClientAsync(_api, "Dana");
        var photo = TestPhotos.Jpeg("forwarded protocol photo");
        var id = await aigerim.UploadAsync(photo);

        var resentId = await bolat.UploadAsync(photo);
        using var bolatReads = await bolat.GetAsync($"/api/uploads/{id}");
        using var danaReads = await dana.GetAsync($"/api/uploads/{id}");

        Assert.Equal(id, resentId);
        Assert.Equal(HttpStatusCode.OK, bolatReads.StatusCode);
        await AssertErrorAsync(danaReads, 404, "upload_not_found");
        Assert.Equal(1, await _environment.ScalarAsync("SELECT count(*) FROM uploads WHERE id = @id AND submitted_by = 'Aigerim'", new { id }));
        Assert.Equal(1, await _environment.ScalarAsync("SELECT count(*) FROM upload_senders WHERE upload_id = @id AND observer_name = 'Bolat'", new { id }));
    }

    [Fact]
    public async Task Uploads_over_the_rate_limit_get_429_rate_limited_with_retry_after_for_that_token_only()
    {
        await using var api = _environment.CreateApi(new Dictionary<string, string>
        {
            ["Security:UploadsPerWindow"] = "2",
            ["Security:UploadWindowSeconds"] = "3600",
        });
        using var busy = await _environment.CreateObserverClientAsync(api, "Busy");
        using var calm = await _environment.CreateObserverClientAsync(api, "Calm");
        await busy.UploadAsync(TestPhotos.Jpeg("rate 1"));
        await busy.UploadAsync(TestPhotos.Jpeg("rate 2"));

        using var third = await busy.PostAsync("/api/uploads", UploadForm.Create(TestPhotos.Jpeg("rate 3")));
        await calm.UploadAsync(TestPhotos.Jpeg("rate other token"));

        await AssertErrorAsync(third, 429, "rate_limited");
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {third.Headers.RetryAfter}");
        Assert.Equal(3, await _environment.UploadRowsAsync());
    }

    [Fact]
    public async Task Staff_sign_in_with_the_right_password_sets_the_cookie_and_a_wrong_one_is_refused()
    {
        await _environment.CreateStaffUserAsync("olga", "operator");
        using var client = _api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var wrong = await client.LoginAsync("olga", "not the password");
        using var right = await client.LoginAsync("OLGA", StaffClients.DefaultPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("wrong", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains(right.Headers.GetValues("Set-Cookie"), c => c.StartsWith("protocolocr.staff=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_post_without_the_antiforgery_token_is_refused()
    {
        await _environment.CreateStaffUserAsync("olga", "operator");
        using var client = _api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "olga",
            ["password"] = StaffClients.DefaultPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie")
            .Any(c => c.StartsWith("protocolocr.staff=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_that_user_name_even_for_the_right_password()
    {
        await _environment.CreateStaffUserAsync("olga", "operator");
        await _environment.CreateStaffUserAsync("pavel", "operator");
        using var client = _api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 5; i++)
        {
            using var failed = await client.LoginAsync("olga", $"guess {i}");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var locked = await client.LoginAsync("olga", StaffClients.DefaultPassword);
        using var otherUser = await client.LoginAsync("pavel", StaffClients.DefaultPassword);

        Assert.Equal((HttpStatusCode)429, locked.StatusCode);
        Assert.NotNull(locked.Headers.RetryAfter);
        Assert.Contains("Too many failed sign-ins", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, otherUser.StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_loses_its_signed_in_session_at_the_next_request()
    {
        using var olga = await _environment.CreateStaffClientAsync(_api, "olga", "operator");
        using (var before = await olga.GetAsync("/review"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await _environment.ScalarAsync("UPDATE users SET disabled = true WHERE name = 'olga' RETURNING 0");
        using var after = await olga.GetAsync("/review");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hangfire_dashboard_is_for_admins_only()
    {
        using var anonymous = _api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var observer = await _environment.CreateObserverClientAsync(_api);
        using var operatorClient = await _environment.CreateStaffClientAsync(_api, "olga", "operator");
        using var admin = await _environment.CreateStaffClientAsync(_api, "root", "admin");

        using var anonymousAnswer = await anonymous.GetAsync("/hangfire");
        using var observerAnswer = await observer.GetAsync("/hangfire");
        using var operatorAnswer = await operatorClient.GetAsync("/hangfire");
        using var adminAnswer = await admin.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, anonymousAnswer.StatusCode);
        Assert.StartsWith("/account/login", anonymousAnswer.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, observerAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, operatorAnswer.StatusCode);
        Assert.StartsWith("/account/denied", operatorAnswer.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, adminAnswer.StatusCode);
        Assert.Contains("Hangfire", await adminAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
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
