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
        await using var api = DownstreamApi.Create(environment);
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
            ExtraHTTPHeaders = new Dictionary<string, string> { [TestRoleAuthentication.Header] = "analyst" },
        });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(new Uri(address, $"/report?election={DemoElection.Id}").ToString());
        var screenshot = Path.Combine(AppContext.BaseDirectory, "report-page.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });

        Assert.Equal(200, response?.Status);
        Assert.Equal(4, await page.Locator("article svg").CountAsync() + await page.Locator("article table").CountAsync() - 1);
        Assert.True(await page.Locator("svg circle").CountAsync() > 20);
        Assert.True(new FileInfo(screenshot).Length > 50_000);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a:text('zip')").First.ClickAsync());
        Assert.EndsWith(".zip", download.SuggestedFilename, StringComparison.Ordinal);
    }
}
