using ProtocolOcr.Core.Forms.Loading;

namespace ProtocolOcr.Core.Tests.Forms;

/// <summary>Each file in Forms/Data/Invalid is the minimal form with one defect; the loader must name file, line and problem.</summary>
public sealed class FormLoaderErrorTests
{
    [Theory]
    [InlineData("not-yaml.yaml", 3, 12, "not valid YAML: unterminated")]
    [InlineData("bad-indentation.yaml", 8, 4, "not valid YAML")]
    [InlineData("missing-key.yaml", 1, 1, "the form is missing 'version'")]
    [InlineData("unknown-key.yaml", 9, 24, "unknown key 'lable' in a field")]
    [InlineData("bad-form-id.yaml", 1, 5, "form id 'Test Minimal' must be lower-case")]
    [InlineData("bad-field-id.yaml", 10, 11, "'3L' is not a valid id")]
    [InlineData("duplicate-id.yaml", 10, 11, "duplicate id 'L2' (first at line 9)")]
    [InlineData("group-member-id-clash.yaml", 17, 9, "duplicate id 'V2' (first at line 10)")]
    [InlineData("group-without-members.yaml", 15, 14, "group 'V' has no members")]
    [InlineData("bad-kind.yaml", 7, 27, "unknown kind 'number'")]
    [InlineData("bad-severity.yaml", 20, 43, "severity must be 'error' or 'warning', not 'fatal'")]
    [InlineData("not-a-number.yaml", 22, 69, "'tolerance' must be a non-negative number, not 'five'")]
    [InlineData("duplicate-relation-id.yaml", 22, 11, "duplicate relation id 'R1' (first at line 20)")]
    [InlineData("relation-syntax-error.yaml", 20, 35, "relation 'R1': expected ')'")]
    [InlineData("relation-without-comparison.yaml", 20, 29, "relation 'R1': expected a comparison")]
    [InlineData("unknown-name-in-relation.yaml", 21, 28, "relation 'R2': unknown field 'L4'")]
    [InlineData("group-as-single-value.yaml", 21, 33, "relation 'R2': 'V' is a group; use it inside sum()")]
    [InlineData("text-field-in-relation.yaml", 20, 28, "relation 'R1': 'SEAL' is a stamp field, not a number")]
    [InlineData("unknown-name-in-synthesis.yaml", 9, 81, "min of 'L2': unknown field 'L9'")]
    [InlineData("synthesis-syntax-error.yaml", 9, 81, "min of 'L2': unexpected '*'")]
    [InlineData("synthesis-missing.yaml", 10, 5, "'L3' needs synthesis hints")]
    [InlineData("synthesis-derive-and-range.yaml", 10, 86, "synthesis of 'L3': give either derive or min/max, not both")]
    [InlineData("synthesis-on-stamp-field.yaml", 18, 99, "'SEAL' is a stamp field; only count and code fields take synthesis hints")]
    [InlineData("synthesis-cycle.yaml", 8, 84, "synthesis of 'L1': hints form a cycle: L1 -> L2 -> L1")]
    [InlineData("synthesis-empty-range.yaml", 9, 74, "synthesis of 'L2': empty range")]
    [InlineData("synthesis-breaks-relation.yaml", 20, 21, "synthesis hints can break error relation 'R1'")]
    [InlineData("overlapping-boxes.yaml", 18, 58, "box of 'SEAL' overlaps the box of 'L1'")]
    [InlineData("box-outside-page.yaml", 18, 58, "box of 'SEAL' [100, 2200, 200, 200] reaches outside the 1654x2339 page")]
    [InlineData("box-not-four-numbers.yaml", 18, 58, "box of 'SEAL' must be [x, y, width, height], got 3 numbers")]
    [InlineData("box-too-low-for-digits.yaml", 7, 64, "box of 'PRECINCT' is 20 px tall")]
    [InlineData("digit-cells-too-narrow.yaml", 7, 81, "box of 'PRECINCT' gives 12 digit cells 16 px wide")]
    [InlineData("digits-in-stamp.yaml", 18, 5, "'SEAL' is a stamp field; only count and code fields have digit boxes")]
    [InlineData("words-without-box.yaml", 8, 5, "'L1' has words: true but no words_box")]
    [InlineData("no-box-no-rows.yaml", 7, 5, "'L1' has no box and the form has no 'rows' layout")]
    [InlineData("row-taller-than-pitch.yaml", 5, 38, "row box height 90 is taller than the row pitch 80")]
    [InlineData("default-on-required-field.yaml", 9, 33, "'default' is only for optional fields")]
    [InlineData("label-missing-language.yaml", 3, 8, "the title has no 'kk' text")]
    [InlineData("group-label-missing-language.yaml", 11, 5, "the label of group 'V' has no 'ru' text")]
    public void Rejects_a_bad_definition_naming_file_line_and_problem(string file, int line, int column, string problem)
    {
        var path = TestData.Invalid(file);

        var error = Assert.Throws<FormDefinitionException>(() => FormLoader.LoadText(File.ReadAllText(path), path));

        Assert.Equal((path, line, column), (error.File, error.Line, error.Column));
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"{path}:{line}:{column}: {problem}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_invalid_file_has_a_test_case()
    {
        var tested = typeof(FormLoaderErrorTests)
            .GetMethod(nameof(Rejects_a_bad_definition_naming_file_line_and_problem))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false)
            .Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0])
            .Append("id-mismatch.yaml");

        var files = Directory.EnumerateFiles(Path.Combine(TestData.Directory, "Invalid")).Select(Path.GetFileName);

        Assert.Equal(files.Order(), tested.Order());
    }

    [Fact]
    public void Form_id_must_match_the_file_name()
    {
        var path = TestData.Invalid("id-mismatch.yaml");

        var error = Assert.Throws<FormDefinitionException>(() => FormLoader.LoadFile(path));

        Assert.Equal("form id 'test.minimal' does not match the file name (expected 'id-mismatch')", error.Problem);
    }

    [Fact]
    public void The_same_text_loads_when_the_name_matches()
    {
        var form = FormLoader.LoadText(File.ReadAllText(TestData.Invalid("id-mismatch.yaml")), "test.minimal.yaml");

        Assert.Equal("test.minimal", form.Id);
    }
}
