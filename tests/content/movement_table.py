# ruff: noqa: E501  (one line per exercise, so the table reads as a table)
"""The reviewed table: every exercise and the movement tags its steps and figure call for.

Written by reading each exercise's steps and looking at its figure, one line per exercise, not
derived from the TOML files: `test_movement_tags.py` checks the library against it exactly, so a
tag added or dropped in a file without a second look here fails. The rules applied (the
definitions in spec/screening.md, "Tags must be true to the movement"):

- spinal_flexion: the trunk folds or rounds forward (folds, child's pose, knee to chest, cat).
  A small hip hinge with a long, straight back is not spinal flexion: it is the movement C3
  recommends instead of flexion for people with osteoporosis (seated figure four, seated
  hamstring stretch). loaded_spinal_flexion: the trunk's weight is held forward, unsupported.
- spinal_extension: any backward bend; deep_backbend: on straight arms (press-up).
- end_range_rotation: a twist taken to its furthest point (thread the needle, supine twist);
  "stop well short of your furthest point" twists are plain rotation.
- inversion: hips above the head, or the head below the heart.
- neck_extension: the head tipped back (the cow of cat-cow, cobra, press-up, sphinx, backbends
  that take the head with them); neck_circles: the head rolled round (head half-circles).
- shoulder_end_range: an arm held at the end of its range behind or across the body;
  single_arm_support: the body's weight on one arm (bird-dog's lifted arm leaves one).
- hip_deep_flexion: a thigh brought past 90 degrees towards the chest (seated and standing folds,
  knee to chest, child's pose, puppy's hips over knees, figure four, pigeon's front leg).
- leg_crossing: a leg crossed over the other (figure four, pigeon, a knee drawn across the body).
- Lying, kneeling and hands-on-the-floor tags follow the start position and the steps.
"""

from __future__ import annotations

from unhunch.core.vocab import Movement

MOVEMENT_TABLE: dict[str, frozenset[Movement]] = {
    "arm_circles": frozenset(),
    "band_pull_apart": frozenset(),
    "bird_dog": frozenset({"wrist_weight_bearing", "knee_kneeling", "balance", "overhead_arms", "single_arm_support"}),
    "bridge": frozenset({"supine_lying"}),
    "cat_cow": frozenset({"spinal_flexion", "spinal_extension", "wrist_weight_bearing", "knee_kneeling", "neck_flexion", "neck_extension"}),
    "childs_pose": frozenset({"spinal_flexion", "knee_kneeling", "hip_deep_flexion", "inversion"}),
    "chin_to_chest": frozenset({"neck_flexion"}),
    "chin_tucks": frozenset(),
    "cobra": frozenset({"spinal_extension", "prone_lying", "wrist_weight_bearing", "neck_extension"}),
    "constructive_rest": frozenset({"supine_lying"}),
    "dead_bug": frozenset({"supine_lying", "overhead_arms"}),
    "diaphragmatic_breathing": frozenset({"supine_lying"}),
    "doorway_chest_stretch": frozenset({"shoulder_end_range"}),
    "double_knee_to_chest": frozenset({"spinal_flexion", "hip_deep_flexion", "supine_lying"}),
    "eagle_arms": frozenset({"shoulder_end_range"}),
    "extended_puppy": frozenset({"spinal_extension", "overhead_arms", "wrist_weight_bearing", "knee_kneeling", "inversion", "hip_deep_flexion", "neck_extension"}),
    "floor_forward_fold": frozenset({"spinal_flexion", "loaded_spinal_flexion", "hip_deep_flexion"}),
    "foam_roller_thoracic_extension": frozenset({"spinal_extension", "supine_lying"}),
    "half_forward_fold": frozenset({"spinal_flexion", "loaded_spinal_flexion", "hip_deep_flexion"}),
    "hamstring_strap_stretch": frozenset({"supine_lying"}),
    "head_half_circles": frozenset({"neck_flexion", "neck_rotation", "neck_circles"}),
    "hip_circles": frozenset({"balance"}),
    "knee_rolls": frozenset({"rotation", "supine_lying"}),
    "kneeling_hip_flexor_stretch": frozenset({"knee_kneeling"}),
    "legs_up_the_wall": frozenset({"inversion", "supine_lying"}),
    "levator_scapulae_stretch": frozenset({"neck_flexion", "neck_rotation"}),
    "lying_chin_tucks": frozenset({"supine_lying"}),
    "marching_on_the_spot": frozenset(),
    "neck_isometrics": frozenset(),
    "neck_rotation": frozenset({"neck_rotation"}),
    "neck_side_bend": frozenset({"neck_flexion"}),
    "open_book": frozenset({"rotation", "neck_rotation"}),
    "pelvic_tilt": frozenset({"supine_lying"}),
    "pigeon": frozenset({"hip_deep_flexion", "knee_kneeling", "wrist_weight_bearing", "leg_crossing"}),
    "prone_press_up": frozenset({"spinal_extension", "deep_backbend", "prone_lying", "wrist_weight_bearing", "neck_extension"}),
    "reclined_figure_four": frozenset({"hip_deep_flexion", "supine_lying", "leg_crossing"}),
    "scapular_squeeze": frozenset(),
    "seated_cat_cow": frozenset({"spinal_flexion", "spinal_extension", "neck_flexion", "neck_extension"}),
    "seated_figure_four": frozenset({"hip_deep_flexion", "leg_crossing"}),
    "seated_forward_fold": frozenset({"spinal_flexion", "loaded_spinal_flexion", "inversion", "hip_deep_flexion"}),
    "seated_hamstring_stretch": frozenset({"hip_deep_flexion"}),
    "seated_side_bend": frozenset({"lateral_flexion", "overhead_arms"}),
    "seated_slow_breathing": frozenset(),
    "seated_spinal_twist": frozenset({"rotation", "neck_rotation"}),
    "seated_upper_back_stretch": frozenset({"spinal_flexion", "neck_flexion"}),
    "shoulder_rolls": frozenset(),
    "shoulder_shrugs": frozenset(),
    "side_lying_clam": frozenset(),
    "side_plank_knees": frozenset({"single_arm_support"}),
    "single_knee_to_chest": frozenset({"spinal_flexion", "hip_deep_flexion", "supine_lying"}),
    "sphinx": frozenset({"spinal_extension", "prone_lying", "neck_extension"}),
    "standing_back_extension": frozenset({"spinal_extension", "neck_extension"}),
    "standing_chest_opener": frozenset({"shoulder_end_range"}),
    "standing_pelvic_tilt": frozenset(),
    "standing_side_bend": frozenset({"lateral_flexion", "overhead_arms"}),
    "supine_twist": frozenset({"rotation", "end_range_rotation", "supine_lying", "neck_rotation", "leg_crossing"}),
    "thoracic_extension_chair": frozenset({"spinal_extension", "neck_extension"}),
    "thread_the_needle": frozenset({"rotation", "end_range_rotation", "knee_kneeling", "wrist_weight_bearing", "neck_rotation", "inversion", "shoulder_end_range", "single_arm_support"}),
    "wall_angels": frozenset({"overhead_arms"}),
    "wall_chin_tucks": frozenset(),
}  # fmt: skip
