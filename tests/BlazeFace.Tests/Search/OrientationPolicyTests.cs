using BlazeFace.Search;

namespace BlazeFace.Tests.Search;

/// <summary>The rule automatic orientation decides a photo's orientation by, and the bar for a face of another orientation.</summary>
public class OrientationPolicyTests
{
    [Test]
    public void The_orientation_with_the_best_face_is_chosen() =>
        Assert.That(OrientationPolicy.Choose([0.6f, 0.9f, 0.7f, 0f]), Is.EqualTo(1));

    [Test]
    public void A_tie_keeps_the_photo_as_given() =>
        Assert.That(OrientationPolicy.Choose([0.8f, 0.8f, 0.8f, 0.8f]), Is.EqualTo(0));

    [Test]
    public void Without_any_face_the_photo_keeps_its_given_orientation() =>
        Assert.That(OrientationPolicy.Choose([0f, 0f, 0f, 0f]), Is.EqualTo(0));

    [TestCase(0.5f, 0.75f)]
    [TestCase(0.6f, 0.8f)]
    [TestCase(0f, 0.5f)]
    [TestCase(1f, 1f)]
    public void A_face_of_another_orientation_needs_a_score_halfway_from_the_threshold_to_one(float threshold, float bar) =>
        Assert.That(OrientationPolicy.OtherOrientationMinScore(threshold), Is.EqualTo(bar).Within(1e-6f));
}
