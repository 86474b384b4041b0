namespace ProtocolOcr.Api.Tests.Harness;

internal static class Eventually
{
    /// <summary>
    /// Polls until <paramref name="condition"/> holds. The timeout is only a generous bound against hanging forever;
    /// no test asserts how long anything took.
    /// </summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describeFailure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail(describeFailure());
            }

            await Task.Delay(100);
        }
    }
}
