using ProtocolOcr.Core.Forms.Loading;

namespace ProtocolOcr.Synthetic.Tests.Rendering;

internal static class RepositoryForms
{
    public static string Directory
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

    public static FormCatalog Catalog { get; } = FormCatalog.LoadDirectory(Directory);
}
