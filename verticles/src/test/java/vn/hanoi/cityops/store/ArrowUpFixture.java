package vn.hanoi.cityops.store;

import vn.hanoi.cityops.dossier.DossierModule;

/** Not a test: a store class importing a capability, for LayoutTest to prove its floor rule fails on it. */
final class ArrowUpFixture {
  DossierModule wrong;
}
