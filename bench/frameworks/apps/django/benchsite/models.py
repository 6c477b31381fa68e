"""The harness creates and seeds the tables (seed.sql), so Django only maps them."""
from django.db import models


class World(models.Model):
    randomnumber = models.IntegerField()

    class Meta:
        db_table = "world"
        managed = False


class Fortune(models.Model):
    message = models.TextField()

    class Meta:
        db_table = "fortune"
        managed = False


class User(models.Model):
    name = models.TextField()
    email = models.TextField()
    plan = models.TextField()
    token = models.TextField(unique=True)

    class Meta:
        db_table = "users"
        managed = False


class Order(models.Model):
    user = models.ForeignKey(User, on_delete=models.DO_NOTHING, related_name="orders")
    created_at = models.DateTimeField()
    item_count = models.IntegerField()
    total_cents = models.IntegerField()

    class Meta:
        db_table = "orders"
        managed = False
