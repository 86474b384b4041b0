using System.Security.Cryptography;
using Microsoft.Playwright;
using ProtocolOcr.Api.Tests.Harness;

namespace ProtocolOcr.Api.Tests;

/// <summary>
/// The pages in Debian's Chromium against the real API on Kestrel, PostgreSQL and Azurite. Screenshots go to
/// bin/.../screenshots (not committed).
/// </summary>
[Collection(ServicesCollection.Name)]
[Trait("Category", "Browser")]
public sealed class BrowserTests(ServicesFixture services) : IAsyncLifetime
{
    private TestEnvironment _environment = null!;
    private ApiFactory _api = null!;
    private Chromium _chromium = null!;
    private string _baseUrl = null!;

    public async Task InitializeAsync()
    {
        _environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        _baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        _api = _environment.CreateApi(new Dictionary<string, string> { ["urls"] = _baseUrl });
        _api.UseKestrel();
        _api.StartServer();
        _chromium = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Observer_enters_the_token_once_uploads_a_photo_and_sees_the_receipt()
    {
        var token = await _environment.IssueObserverTokenAsync("Dana");
        var (photo, _) = ProtocolPhotos.Kazakh2019(variant: 21);
        var photoPath = Path.Combine(Directory.CreateTempSubdirectory("observer-photo-").FullName, "protocol.jpg");
        await File.WriteAllBytesAsync(photoPath, photo);
        var page = await _chromium.NewPageAsync(_baseUrl, 390, 844);

        await page.GotoAsync("/observe");
        await Chromium.ScreenshotAsync(page, "observer-1-token");
        await page.FillAsync("#token", token.Token);
        await page.ClickAsync("#save-token");
        await page.SelectOptionAsync("#election", ProtocolPhotos.Election);
        await page.FillAsync("#region", "Almaty");
        await page.FillAsync("#precinct", "418");
        await page.SetInputFilesAsync("#photo", photoPath);
        await Chromium.ScreenshotAsync(page, "observer-2-form");
        await page.ClickAsync("#send");

        var receipt = page.Locator(".receipt");
        await Assertions.Expect(receipt).ToContainTextAsync(Convert.ToHexStringLower(SHA256.HashData(photo)));
        await Assertions.Expect(receipt.Locator(".status")).ToHaveTextAsync("Waiting to be read…");
        await Chromium.ScreenshotAsync(page, "observer-3-receipt");
        Assert.Equal(1, await _environment.ScalarAsync(
            "SELECT count(*) FROM uploads WHERE submitted_by = 'Dana' AND precinct = '418' AND size_bytes = @size", new { size = photo.Length }));
        await page.ReloadAsync();
        Assert.True(await page.IsVisibleAsync("#upload-form"), "the token is kept: the form shows without asking again");
        await Assertions.Expect(page.Locator(".receipt")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Observer_sees_a_sentence_for_a_rejected_upload()
    {
        var token = await _environment.IssueObserverTokenAsync("Dana");
        var notAPhoto = Path.Combine(Directory.CreateTempSubdirectory("observer-html-").FullName, "page.jpg");
        await File.WriteAllBytesAsync(notAPhoto, TestPhotos.Html());
        var page = await _chromium.NewPageAsync(_baseUrl, 390, 844);
        await page.GotoAsync("/observe");
        await page.FillAsync("#token", token.Token);
        await page.ClickAsync("#save-token");
        await page.FillAsync("#region", "Almaty");
        await page.FillAsync("#precinct", "7");
        await page.SetInputFilesAsync("#photo", notAPhoto);

        await page.ClickAsync("#send");

        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("This file is not a photo");
        await Chromium.ScreenshotAsync(page, "observer-4-rejected");
    }

    [Fact]
    public async Task Operator_corrects_a_flagged_field_and_a_second_operator_confirms_it()
    {
        using var observer = await _environment.CreateObserverClientAsync(_api, "Dana");
        var protocol = await FlaggedProtocol.CreateAsync(_environment, observer, variant: 22,
            note: "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\"> copy 2");
        await _environment.CreateStaffUserAsync("olga", "operator");
        await _environment.CreateStaffUserAsync("pavel", "operator");
        var trueValue = protocol.TrueValue.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var olga = await _chromium.NewPageAsync(_baseUrl);
        await Chromium.SignInAsync(olga, "olga");
        await olga.GotoAsync("/review");
        await Chromium.ScreenshotAsync(olga, "review-1-queue");
        await olga.ClickAsync($"a[href='/review/{protocol.UploadId}']");
        var field = olga.Locator($"#value-{FlaggedProtocol.MisreadField}");
        await Assertions.Expect(field).ToBeFocusedAsync();
        await Assertions.Expect(olga.Locator("#relations li.broken").First).ToBeVisibleAsync();
        var misreadRow = olga.Locator($"tr[data-field='{FlaggedProtocol.MisreadField}']");
        await Assertions.Expect(misreadRow.Locator(".crop:not(.words)")).ToBeVisibleAsync();
        await Assertions.Expect(misreadRow.Locator(".crop.words")).ToBeVisibleAsync();
        await Assertions.Expect(olga.Locator("tr[data-field='PRECINCT'] .crop.words")).ToHaveCountAsync(0);
        Assert.Null(await olga.EvaluateAsync<int?>("window.pwned"));
        await Assertions.Expect(olga.Locator("#observer-note")).ToContainTextAsync("<script>window.pwned=1</script>");
        await Chromium.ScreenshotAsync(olga, "review-2-flagged");
        await field.FillAsync(trueValue);
        await Assertions.Expect(olga.Locator("#relations li.broken")).ToHaveCountAsync(0);
        await field.PressAsync("Enter");
        await Assertions.Expect(olga.Locator($"tr[data-field='{FlaggedProtocol.MisreadField}']")).ToHaveAttributeAsync("data-state", "yours-pending");
        await Chromium.ScreenshotAsync(olga, "review-3-proposed");
        Assert.Equal(0, await _environment.ScalarAsync("SELECT count(*) FROM final_fields WHERE upload_id = @id", new { id = protocol.UploadId }));

        var pavel = await _chromium.NewPageAsync(_baseUrl);
        await Chromium.SignInAsync(pavel, "pavel");
        await pavel.GotoAsync($"/review/{protocol.UploadId}");
        var blind = pavel.Locator($"#value-{FlaggedProtocol.MisreadField}");
        await Assertions.Expect(blind).ToHaveValueAsync("");
        await Chromium.ScreenshotAsync(pavel, "review-4-second-entry");
        await blind.FillAsync(trueValue);
        await blind.PressAsync("Enter");
        await pavel.WaitForURLAsync("**/review?done=finished");
        await Chromium.ScreenshotAsync(pavel, "review-5-finished");

        Assert.Equal(1, await _environment.ScalarAsync(
            "SELECT count(*) FROM final_fields WHERE upload_id = @id AND field_id = 'L3' AND value = @value AND source = 'operator' " +
            "AND decided_by = 'olga' AND confirmed_by = 'pavel'", new { id = protocol.UploadId, value = protocol.TrueValue }));
        Assert.Equal(2, await _environment.ScalarAsync(
            "SELECT count(*) FROM audit_events WHERE entity_id = @id AND field_id = 'L3' AND new_value = @value",
            new { id = protocol.UploadId.ToString(), value = trueValue }));
        await pavel.GotoAsync($"/review/{protocol.UploadId}");
        await Assertions.Expect(pavel.Locator("#history")).ToContainTextAsync("correction confirmed by a second operator");
        await Chromium.ScreenshotAsync(pavel, "review-6-history");
    }

    [Fact]
    public async Task A_wrong_role_is_refused_the_review_desk_and_the_dashboard()
    {
        await _environment.CreateStaffUserAsync("anna", "analyst");
        var page = await _chromium.NewPageAsync(_baseUrl);
        await Chromium.SignInAsync(page, "anna");

        var review = await page.GotoAsync("/review");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not allowed");
        var dashboard = await page.GotoAsync("/hangfire");

        Assert.Equal(403, review!.Status);
        Assert.Equal(403, dashboard!.Status);
        await Chromium.ScreenshotAsync(page, "denied");
        await page.GotoAsync("/account/login");
        await Chromium.ScreenshotAsync(page, "login");
    }
}
