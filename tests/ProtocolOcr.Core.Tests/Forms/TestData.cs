namespace ProtocolOcr.Core.Tests.Forms;

internal static class TestData
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Forms", "Data");

    public static string MinimalForm => Path.Combine(Directory, "test.minimal.yaml");

    /// <summary>
    /// The repository's forms/ folder, found from the solution file rather than through
    /// <see cref="ProtocolOcr.Core.Forms.Loading.FormsDirectory"/>, whose environment variable another test changes.
    /// </summary>
    public static string RepositoryFormsDirectory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(directory.FullName, "ProtocolOcr.sln")))
            {
                directory = directory.Parent ?? throw new DirectoryNotFoundException("ProtocolOcr.sln not found above the tests.");
            }

            return Path.Combine(directory.FullName, "forms");
        }
    }

    public static string Invalid(string name) => Path.Combine(Directory, "Invalid", name);
}
