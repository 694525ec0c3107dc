import { describe, expect, it } from '@jest/globals';
import express from 'express';
import request from 'supertest';
import { featureRoutes, mountFeature } from './featureRoutes';

describe('featureRoutes', () => {
  it('serves each route below its prefix, at the path the contract writes', async () => {
    const routes = featureRoutes('/floors', '/admin/privacy-settings');
    routes.route('/floors').get((_req, res) => res.send('floors'));
    routes.route('/floors/:id/occupancy').get((req, res) => res.send(`occupancy of ${String(req.params.id)}`));
    routes.route('/admin/privacy-settings').put((_req, res) => res.send('saved'));
    const app = express();
    mountFeature(app, routes);

    expect((await request(app).get('/floors')).text).toBe('floors');
    expect((await request(app).get('/floors/f1/occupancy')).text).toBe('occupancy of f1');
    expect((await request(app).put('/admin/privacy-settings')).text).toBe('saved');
    expect((await request(app).get('/floors/f1')).status).toBe(404);
  });

  it('refuses a route below none of the declared prefixes when it is added', () => {
    const routes = featureRoutes('/floors');
    expect(() => routes.route('/floorsx')).toThrow('/floorsx lies below none of');
    expect(() => routes.route('/rooms/:id')).toThrow('lies below none of');
  });

  it('refuses prefixes that are nested, repeated or not literal paths', () => {
    expect(() => featureRoutes('/admin', '/admin/sso')).toThrow('"/admin/sso" lies below "/admin"');
    expect(() => featureRoutes('/floors', '/floors')).toThrow('declared twice');
    expect(() => featureRoutes('/floors/:id')).toThrow('is not a path prefix');
    expect(() => featureRoutes('/floors/')).toThrow('is not a path prefix');
    expect(() => featureRoutes()).toThrow('at least one');
  });
});
