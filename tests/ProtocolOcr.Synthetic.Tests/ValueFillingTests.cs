using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Synthesis;
using ProtocolOcr.Core.Relations;
using ProtocolOcr.Synthetic.Generation;

namespace ProtocolOcr.Synthetic.Tests;

public sealed class ValueFillingTests
{
    public static TheoryData<string> ShippedForms() => new(TestForms.Catalog.FormIds);

    [Theory]
    [MemberData(nameof(ShippedForms))]
    public void Filled_values_satisfy_every_error_relation(string formId)
    {
        var form = TestForms.Get(formId);
        var plan = SynthesisPlan.Create(form);
        for (var seed = 0; seed < 200; seed++)
        {
            var filled = ProtocolValueFiller.Fill(form, plan, new Random(seed), violate: false);
            Assert.Empty(filled.ViolatedRelations);
            Assert.Empty(BrokenErrors(form, filled.Values));
        }
    }

    [Theory]
    [MemberData(nameof(ShippedForms))]
    public void A_labelled_violation_breaks_exactly_the_relations_it_names(string formId)
    {
        var form = TestForms.Get(formId);
        var plan = SynthesisPlan.Create(form);
        for (var seed = 0; seed < 200; seed++)
        {
            var filled = ProtocolValueFiller.Fill(form, plan, new Random(seed), violate: true);
            Assert.NotEmpty(filled.ViolatedRelations);
            Assert.Equal(filled.ViolatedRelations, BrokenErrors(form, filled.Values));
        }
    }

    private static List<string> BrokenErrors(FormDefinition form, IReadOnlyDictionary<string, long> values) =>
        RelationEvaluator.CheckAll(form, values.ToDictionary(pair => pair.Key, pair => (long?)pair.Value))
            .Where(check => check.Severity == RelationSeverity.Error && check.Holds != true)
            .Select(check => check.RelationId)
            .ToList();
}
