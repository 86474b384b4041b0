using Microsoft.Playwright;

namespace ProtocolOcr.Api.Tests.Harness;

/// <summary>Debian's Chromium driven by Playwright, headless; no browser is ever downloaded.</summary>
internal sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/lib/chromium/chromium";

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public static async Task<Chromium> LaunchAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"Install Debian's chromium (scripts/setup.sh): {ExecutablePath} is missing.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
            ],
        });
        return new Chromium(playwright, browser);
    }

    public async Task<IPage> NewPageAsync(string baseUrl, int width = 1440, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        GuardAgainstHangs(context);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Playwright's waits are hang guards here, not speed checks: on a 2-core machine busy with benchmarks the report
    /// page once took over the default 30 s to load.
    /// </summary>
    public static void GuardAgainstHangs(IBrowserContext context)
    {
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public static async Task SignInAsync(IPage page, string name, string password = StaffClients.DefaultPassword)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#name", name);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
