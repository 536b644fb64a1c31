using OpenCvSharp;

namespace BlazeFace.OpenCvSharp.Tests;

/// <summary><see cref="OpenCvDetectionDrawing.DrawDetections(Mat, ReadOnlySpan{FaceDetection}, OpenCvDetectionStyle?)"/>.</summary>
public class OpenCvDetectionDrawingTests
{
    private static readonly FaceDetection Face = new(
        0.87f,
        new FaceBox(40, 50, 60, 60),
        new FaceKeypoints([55, 70, 85, 70, 70, 85, 70, 98, 42, 75, 98, 75]));

    [Test]
    public void The_box_is_drawn_in_bgr_green_on_its_edge_and_not_inside()
    {
        using Mat image = Grey(MatType.CV_8UC3);

        image.DrawDetections([Face], new OpenCvDetectionStyle { DrawKeypoints = false, DrawScores = false });

        Assert.That(image.At<Vec3b>(50, 70), Is.EqualTo(new Vec3b(0, 255, 0)), "top edge (row 50)");
        Assert.That(image.At<Vec3b>(80, 70), Is.EqualTo(new Vec3b(128, 128, 128)), "inside");
    }

    [Test]
    public void Keypoints_are_red_dots_in_bgr_order()
    {
        using Mat image = Grey(MatType.CV_8UC3);

        image.DrawDetections([Face], new OpenCvDetectionStyle { DrawScores = false });

        Assert.That(image.At<Vec3b>(85, 70), Is.EqualTo(new Vec3b(0, 0, 255)), "nose tip");
    }

    [Test]
    public void On_a_bgra_mat_drawn_pixels_are_opaque()
    {
        using Mat image = Grey(MatType.CV_8UC4);

        image.DrawDetections([Face], new OpenCvDetectionStyle { DrawScores = false });

        Assert.That(image.At<Vec4b>(50, 70), Is.EqualTo(new Vec4b(0, 255, 0, 255)));
    }

    [Test]
    public void On_a_grey_mat_colours_are_drawn_as_their_luminance()
    {
        using Mat image = Grey(MatType.CV_8UC1);

        image.DrawDetections([Face], new OpenCvDetectionStyle { DrawKeypoints = false, DrawScores = false });

        Assert.That(image.At<byte>(50, 70), Is.EqualTo(150), "0.587 x 255 for green");
    }

    [Test]
    public void The_score_label_is_drawn_above_the_box()
    {
        using Mat image = Grey(MatType.CV_8UC3);

        image.DrawDetections([Face], new OpenCvDetectionStyle { DrawKeypoints = false });

        using Mat label = image[new Rect(40, 30, 40, 18)];
        Scalar mean = Cv2.Mean(label);
        Assert.That(mean.Val1, Is.GreaterThan(150), "mostly the green background");
        Assert.That(Cv2.CountNonZero(label.ExtractChannel(1).LessThan(64)), Is.GreaterThan(10), "with dark digits");
    }

    [Test]
    public void Drawing_on_a_sub_matrix_lands_in_the_parent_at_the_regions_offset()
    {
        using Mat parent = Grey(MatType.CV_8UC3);
        using Mat region = parent[new Rect(20, 10, 120, 120)];

        region.DrawDetections([Face], new OpenCvDetectionStyle { DrawKeypoints = false, DrawScores = false });

        Assert.That(parent.At<Vec3b>(10 + 50, 20 + 70), Is.EqualTo(new Vec3b(0, 255, 0)));
    }

    [Test]
    public void A_face_with_a_non_finite_coordinate_is_skipped()
    {
        using Mat image = Grey(MatType.CV_8UC3);
        FaceDetection broken = Face with { BoundingBox = new FaceBox(40, float.PositiveInfinity, 60, 60) };

        image.DrawDetections([broken]);

        Assert.That(Cv2.CountNonZero(image.ExtractChannel(1).NotEquals(128)), Is.Zero);
    }

    [Test]
    public void A_face_far_outside_the_image_is_clipped_without_error()
    {
        using Mat image = Grey(MatType.CV_8UC3);
        FaceDetection far = Face with { BoundingBox = new FaceBox(-1e30f, -1e30f, 2e30f, 2e30f) };

        Assert.DoesNotThrow(() => image.DrawDetections([far]));
    }

    [TestCase(21, TestName = "{m}(CV_32FC3)")]
    [TestCase(18, TestName = "{m}(CV_16UC3)")]
    [TestCase(8, TestName = "{m}(CV_8UC2)")]
    public void An_unsupported_mat_is_refused_naming_it_with_a_message_about_drawing(int type)
    {
        using var image = new Mat(10, 10, type);

        var error = Assert.Throws<ArgumentException>(() => image.DrawDetections([Face]));

        Assert.That(error!.ParamName, Is.EqualTo("image"));
        Assert.That(error.Message, Does.Contain("drawn").And.Not.Contain("detected"));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(OpenCvDetectionStyle.MaxThickness + 1)]
    [TestCase(40_000)]
    public void A_thickness_outside_what_OpenCV_draws_is_refused_naming_it(int thickness)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new OpenCvDetectionStyle { Thickness = thickness });

        Assert.That(error!.ParamName, Is.EqualTo("Thickness"));
    }

    [Test]
    public void The_largest_accepted_sizes_draw_without_error_from_OpenCV()
    {
        using Mat image = Grey(MatType.CV_8UC3);
        var style = new OpenCvDetectionStyle { Thickness = OpenCvDetectionStyle.MaxThickness, KeypointRadius = int.MaxValue, FontScale = 1e300 };

        Assert.DoesNotThrow(() => image.DrawDetections([Face], style));
    }

    private static Mat Grey(MatType type) => new(140, 160, type, Scalar.All(128));
}
