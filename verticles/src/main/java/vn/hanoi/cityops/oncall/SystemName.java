package vn.hanoi.cityops.oncall;

/** A city system's code and names (reference data), as the messages and "who is on call" name it. */
public record SystemName(String code, String nameVi, String nameEn) {
}
