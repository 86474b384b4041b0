using Microsoft.Playwright;
using ProtocolOcr.Api.Tests.Harness;

namespace ProtocolOcr.Api.Tests.Downstream;

[Collection(ServicesCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ReportPageBrowserTests(ServicesFixture services)
{
    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-quic", "--no-first-run",
    ];

    [Fact]
    public async Task The_report_opens_in_a_browser_with_its_four_charts_and_working_evidence_links()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        await DemoElection.SeedAsync(environment, seed: 2019);
        var port = FreePort.Next();
        await environment.CreateStaffUserAsync("analyst-browser", "analyst");
        await using var api = environment.CreateApi();
        api.UseKestrel(port);
        api.StartServer();
        var address = api.CreateClient().BaseAddress!;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/lib/chromium/chromium", Headless = true, Args = ChromiumArguments,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1360, Height = 900 },
        });
        Chromium.GuardAgainstHangs(context);
        var page = await context.NewPageAsync();
        // Signed out, the report sends the browser to the sign-in page, which brings it back after signing in.
        await page.GotoAsync(new Uri(address, $"/report?election={DemoElection.Id}").ToString());
        await page.FillAsync("#name", "analyst-browser");
        await page.FillAsync("#password", StaffClients.DefaultPassword);
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"),
            r => r.Url.Contains("/report?election=", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.Load);
        var screenshot = Path.Combine(AppContext.BaseDirectory, "report-page.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });

        Assert.Equal(200, response.Status);
        Assert.Equal(4, await page.Locator("article svg").CountAsync() + await page.Locator("article table").CountAsync() - 1);
        Assert.True(await page.Locator("svg circle").CountAsync() > 20);
        Assert.True(new FileInfo(screenshot).Length > 50_000);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a:text('zip')").First.ClickAsync());
        Assert.EndsWith(".zip", download.SuggestedFilename, StringComparison.Ordinal);
    }
}
