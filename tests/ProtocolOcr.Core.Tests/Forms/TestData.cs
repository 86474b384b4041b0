namespace ProtocolOcr.Core.Tests.Forms;

internal static class TestData
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Forms", "Data");

    public static string MinimalForm => Path.Combine(Directory, "test.minimal.yaml");

    public static string Invalid(string name) => Path.Combine(Directory, "Invalid", name);
}
