using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Core.Forms.Synthesis;
using ProtocolOcr.Core.Relations;

namespace ProtocolOcr.Core.Tests.Forms;

/// <summary>The forms in the repository's <c>forms/</c> folder.</summary>
public sealed class ShippedFormsTests
{
    private static readonly FormCatalog Catalog = FormCatalog.LoadDirectory(TestData.RepositoryFormsDirectory);

    public static TheoryData<string> FormIds => new(Catalog.FormIds);

    [Fact]
    public void All_four_forms_load()
    {
        Assert.Equal(["kz.majilis.party-list", "kz.president.2019", "kz.president.2022", "ru.uik.federal"], Catalog.FormIds);
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void Samples_from_the_hints_satisfy_every_error_relation(string formId)
    {
        var form = Catalog.Get(formId);
        var plan = SynthesisPlan.Create(form);

        for (var seed = 1000; seed < 2000; seed++)
        {
            var values = plan.Sample(new Random(seed)).ToDictionary(v => v.Key, v => (long?)v.Value);
            var broken = RelationEvaluator.CheckAll(form, values).Where(c => c.Severity == RelationSeverity.Error && c.Holds != true);
            Assert.Empty(broken);
        }
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void Header_has_region_and_precinct_and_every_count_is_written_in_words(string formId)
    {
        var form = Catalog.Get(formId);

        Assert.Equal(FieldKind.Text, form.Field("REGION").Kind);
        Assert.Equal(FieldKind.Code, form.Field("PRECINCT").Kind);
        Assert.All(form.CountFields, f => Assert.True(f.Words && f.WordsBox is not null, f.Id));
        Assert.Contains(form.Fields, f => f.Kind == FieldKind.Stamp);
        Assert.Contains(form.Fields, f => f.Kind == FieldKind.Signature);
    }

    [Fact]
    public void President_2019_has_seven_candidates_in_ballot_order_and_no_against_all()
    {
        var form = Catalog.Get("kz.president.2019");
        var names = form.Groups.Single().Members.Select(m => m.Name["kk"].Split(' ')[0]).ToList();

        Assert.Equal(["Ахметбеков", "Еспаева", "Қосанов", "Рақымбеков", "Таспихов", "Тоқаев", "Түгел"], names);
        Assert.DoesNotContain(form.Fields, f => f.Id == "AA");
        Assert.Contains(form.Relations, r => r.Expression == "L4 == L5 + sum(V)" && r.Severity == RelationSeverity.Error);
        Assert.All(form.CountFields, f => Assert.Equal(0, f.DigitBoxes));
    }

    [Theory]
    [InlineData("kz.president.2022", 6)]
    [InlineData("kz.majilis.party-list", 7)]
    public void Forms_with_against_all_count_it_in_the_ballot_sum(string formId, int choices)
    {
        var form = Catalog.Get(formId);

        Assert.Equal(choices, form.Groups.Single().Members.Count);
        Assert.Equal(FieldKind.Count, form.Field("AA").Kind);
        Assert.Contains(form.Relations, r => r.Expression == "L4 == L5 + sum(V) + AA" && r.Severity == RelationSeverity.Error);
    }

    [Fact]
    public void Russian_form_has_lines_1_to_12_then_candidates_in_digit_cells_and_the_control_relations()
    {
        var form = Catalog.Get("ru.uik.federal");

        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"L{n}"), form.Fields.Where(f => f.Id.StartsWith('L')).Select(f => f.Id));
        Assert.Equal("13", form.Field("V1").LineNumber);
        Assert.All(form.CountFields, f => Assert.Equal(7, f.DigitBoxes));
        Assert.Equal(
            ["L1 >= L3 + L4 + L5", "L2 == L3 + L4 + L5 + L6 + L11 - L12", "L7 + L8 == L9 + L10", "L10 == sum(V)"],
            form.Relations.Where(r => r.Severity == RelationSeverity.Error).Select(r => r.Expression));
    }
}
