using ProtocolOcr.Core.Forms.Loading;

namespace ProtocolOcr.Core.Tests.Forms;

/// <summary>Both tests touch the process environment, so they live in one class (xunit runs a class sequentially).</summary>
public sealed class FormsDirectoryTests
{
    [Fact]
    public void Finds_the_repository_forms_folder_above_the_test_binaries()
    {
        var previous = Environment.GetEnvironmentVariable(FormsDirectory.EnvironmentVariable);
        Environment.SetEnvironmentVariable(FormsDirectory.EnvironmentVariable, null);
        try
        {
            var directory = FormsDirectory.Locate();

            Assert.Equal("forms", Path.GetFileName(directory));
            Assert.True(File.Exists(Path.Combine(directory, "kz.president.2019.yaml")));
        }
        finally
        {
            Environment.SetEnvironmentVariable(FormsDirectory.EnvironmentVariable, previous);
        }
    }

    [Fact]
    public void Environment_variable_wins_and_must_exist()
    {
        var previous = Environment.GetEnvironmentVariable(FormsDirectory.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(FormsDirectory.EnvironmentVariable, TestData.Directory);
            Assert.Equal(Path.GetFullPath(TestData.Directory), FormsDirectory.Locate());

            Environment.SetEnvironmentVariable(FormsDirectory.EnvironmentVariable, Path.Combine(TestData.Directory, "nope"));
            Assert.Throws<DirectoryNotFoundException>(FormsDirectory.Locate);
        }
        finally
        {
            Environment.SetEnvironmentVariable(FormsDirectory.EnvironmentVariable, previous);
        }
    }
}
