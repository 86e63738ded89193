import { describe, expect, it } from 'vitest';
import { instanceCrumbs } from './crumbs';

describe('instanceCrumbs', () => {
  it('names the instance and the page, the page last and not a link', () => {
    expect(instanceCrumbs('cache 1', 'Slow log', { name: 'Meal planner cache' })).toEqual([
      { label: 'All instances', href: '/' },
      { label: 'Meal planner cache', href: '/instances/cache%201' },
      { label: 'Slow log', href: null },
    ]);
  });

  it("ends at the instance on the instance's own page", () => {
    expect(instanceCrumbs('default', null, { name: 'Default' })).toEqual([
      { label: 'All instances', href: '/' },
      { label: 'Default', href: null },
    ]);
  });

  it("puts a node's cluster between the fleet and the node", () => {
    const node = { name: 'Shop · 10.0.0.1:7000', memberOf: { clusterId: 'shop', clusterName: 'Shop' } };
    expect(instanceCrumbs('shop.10.0.0.1:7000', 'Keys', node).map((crumb) => [crumb.label, crumb.href, crumb.cluster ?? false])).toEqual([
      ['All instances', '/', false],
      ['Shop', '/instances/shop', true],
      ['Shop · 10.0.0.1:7000', '/instances/shop.10.0.0.1%3A7000', false],
      ['Keys', null, false],
    ]);
  });

  it('shows the id until the instance list has answered', () => {
    expect(instanceCrumbs('default', 'Keys', undefined)[1]).toEqual({ label: 'default', href: '/instances/default' });
  });
});
